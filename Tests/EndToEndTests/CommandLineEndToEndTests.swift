import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import GRDB
import Testing

/// The command line as a newcomer meets it, from outside the process: exit codes and what is
/// printed for a first run without a terminal, a command or language that does not exist, a
/// record that does not exist, files that cannot be read or written, and the plain read-back.
@Suite(.serialized) final class CommandLineEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-cli-\(UUID().uuidString)")
    /// Files around the data directory: key files, copies, an installed binary.
    var scratch: URL { home.appendingPathExtension("files") }

    init() throws {
        try FileManager.default.createDirectory(at: home.appendingPathExtension("files"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs `program` with `arguments` (argv[0] is `program` as given) in `directory`, no terminal, input closed.
    func run(_ program: String, _ arguments: [String], environment: [String: String], in directory: URL? = nil) throws -> BletherProcess.Result {
        let process = Process()
        process.currentDirectoryURL = directory ?? scratch
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self))
    }

    // MARK: First run without a terminal

    @Test func aFirstRunWithoutATerminalSaysExactlyWhichCommandMakesTheKey() throws {
        let blether = BletherProcess(home: home, withKey: false)
        // Started as `swift run` starts it: by its path inside the checkout's .build/, from the checkout.
        let components = BletherProcess.binary.pathComponents
        let build = try #require(components.lastIndex(of: ".build"), "the binary was built in a checkout")
        let checkout = URL(fileURLWithPath: NSString.path(withComponents: Array(components[..<build])))
        let relative = NSString.path(withComponents: Array(components[build...]))
        let piped = try run(relative, ["--plain"], environment: blether.environment, in: checkout)
        #expect(piped.status == 1)
        #expect(piped.errors.contains("without a terminal Blether cannot ask for your name and a passphrase. At a terminal, make your key with: swift run blether keys init --name \"Your Name\" — then run this again."),
                "\(piped.errors)")
        #expect(try KeyStore(dataDirectory: home).ownKey() == nil, "nothing was made")

        // The same binary started by its path from elsewhere: that path, as typed.
        let elsewhere = try run(BletherProcess.binary.path, ["list"], environment: blether.environment)
        #expect(elsewhere.errors.contains("make your key with: \(BletherProcess.binary.path) keys init"), "\(elsewhere.errors)")

        // An installed binary, found on the PATH: the command is plain `blether`.
        let installed = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        let copy = installed.appendingPathComponent("blether")
        if link(BletherProcess.binary.path, copy.path) != 0 { try FileManager.default.copyItem(at: BletherProcess.binary, to: copy) }
        var environment = blether.environment
        environment["PATH"] = installed.path + ":/usr/bin:/bin"
        let onPath = try run("blether", ["list"], environment: environment)
        #expect(onPath.status == 1)
        #expect(onPath.errors.contains("make your key with: blether keys init --name \"Your Name\""), "\(onPath.errors)")
        // Run by its path: that path, as typed.
        let byPath = try run(copy.path, ["list"], environment: environment)
        #expect(byPath.errors.contains("make your key with: \(copy.path) keys init --name \"Your Name\""), "\(byPath.errors)")
    }

    // MARK: Installing

    /// scripts/install puts `blether` on the PATH with the forms beside it: found by name, it
    /// reads the installed forms (a broken form added there is reported), not the checkout's.
    @Test func theInstalledBletherIsFoundOnThePathWithItsForms() throws {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fakeHome = scratch.appendingPathComponent("home")
        var environment = BletherProcess(home: home, withKey: false).environment
        environment["HOME"] = fakeHome.path
        environment["BLETHER_INSTALL_BINARY"] = BletherProcess.binary.path
        environment["PATH"] = "/usr/bin:/bin"
        let installing = try run(checkout.appendingPathComponent("scripts/install").path, [], environment: environment)
        #expect(installing.status == 0, "\(installing.output)\(installing.errors)")
        #expect(installing.output.contains("\(fakeHome.path)/.local/bin is not on your PATH"), "\(installing.output)")
        let forms = fakeHome.appendingPathComponent(".local/lib/blether/share/blether/forms")
        try Data("id: broken\nversion: [\n".utf8).write(to: forms.appendingPathComponent("broken.yaml"))
        environment["PATH"] = fakeHome.appendingPathComponent(".local/bin").path + ":/usr/bin:/bin"
        let check = try run("blether", ["forms", "check"], environment: environment)
        #expect(check.status == 1)
        #expect(check.output.contains("broken.yaml"), "the installed forms are read: \(check.output)")
    }

    // MARK: Usage

    @Test func aCommandBletherDoesNotHaveListsTheCommandsItHas() throws {
        let blether = BletherProcess(home: home, withKey: false)
        let wrong = try blether.run(["frobnicate"])
        #expect(wrong.status == 2)
        #expect(wrong.errors.hasPrefix("“frobnicate” is not a Blether command. The commands are: open, new, resume, list, forms, keys, sign, countersign, decide, verify, audit, export, review. Type "),
                "\(wrong.errors)")
        #expect(wrong.errors.hasSuffix(" --help to see what each one does.\n"))
        #expect(!wrong.errors.contains("Usage: blether open"))
        let afterOptions = try blether.run(["--plain", "--lang", "gd", "frobnicate"])
        #expect(afterOptions.status == 2 && afterOptions.errors.hasPrefix("Chan e àithne Blether a th' ann an “frobnicate”."), "\(afterOptions.errors)")
        // Commands and help still work as they did.
        #expect(try blether.run(["help"]).status == 0)
        #expect(try blether.run(["--lang", "gd", "forms", "check"]).status == 0)
    }

    @Test func aLanguageThatDoesNotExistIsAUsageErrorThatSaysWhichExist() throws {
        let blether = BletherProcess(home: home)
        for arguments in [["--lang", "xx", "list"], ["--lang", "xx", "--plain", "new", "--person", "Morag"]] {
            let result = try blether.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.contains("There is no catalog for the language “xx”. Languages available: en-GB, gd, pl, ur, zh-Hans."), "\(result.errors)")
        }
    }

    @Test func verifyingARecordThatDoesNotExistSaysNoSuchRecordExists() throws {
        let blether = BletherProcess(home: home)
        // As for the other commands that name a record (before verify notes its try in the audit log).
        #expect(try blether.run(["audit", "nosuchid"]).status == 1)
        #expect(try blether.run(["--plain", "resume", "nosuchid"]).status == 1)
        let result = try blether.run(["verify", "nosuchid"])
        #expect(result.status == 1)
        #expect(result.errors.contains("There is no conversation with id “nosuchid”. Type blether list to see them."), "\(result.output)\(result.errors)")
        #expect(!(result.output + result.errors).contains("no signed revision"))
    }

    // MARK: Files, in words

    @Test func filesThatCannotBeReadOrWrittenAreSaidInWordsNeverFoundations() throws {
        let blether = BletherProcess(home: home)
        let missing = scratch.appendingPathComponent("rhona-key.json").path
        let trust = try blether.run(["keys", "trust", missing])
        #expect(trust.status == 1)
        #expect(trust.errors == "\(missing) does not exist. Check the name and the folder it is in, and try again.\n", "\(trust.errors)")
        let gaelic = try blether.run(["--lang", "gd", "keys", "trust", missing])
        #expect(gaelic.status == 1 && gaelic.errors.hasPrefix("Chan eil \(missing) ann."), "\(gaelic.errors)")

        // A data directory that cannot be made: said before any passphrase is asked for, nothing made.
        let blocker = scratch.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let elsewhere = BletherProcess(home: blocker.appendingPathComponent("data"), withKey: false)
        let initialise = try elsewhere.run(["keys", "init", "--name", "Ailsa Grant"])
        #expect(initialise.status == 1)
        #expect(initialise.errors.contains("Blether cannot write to its data directory \(blocker.path)/data."), "\(initialise.errors)")

        for result in [trust, gaelic, initialise] {
            #expect(!result.errors.contains("NSCocoaErrorDomain") && !result.errors.contains("Error Domain") && !result.errors.contains("Code="))
        }
    }

    /// The issue's `NSCocoaErrorDomain Code=513`: a keys folder this user may not write. Root may
    /// write anywhere, so under root Blether is run as nobody (setpriv), as a worker's account would be.
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv runs Blether as nobody under root"))
    func aKeysFolderThatCannotBeWrittenIsSaidInWords() throws {
        let data = scratch.appendingPathComponent("data")
        let keys = data.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let passphrase = scratch.appendingPathComponent("passphrase.txt")
        try Data((BletherProcess.passphrase + "\n").utf8).write(to: passphrase)
        let installed = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        let copy = installed.appendingPathComponent("blether")
        if link(BletherProcess.binary.path, copy.path) != 0 { try FileManager.default.copyItem(at: BletherProcess.binary, to: copy) }
        for (path, mode) in [(scratch.path, 0o755), (data.path, 0o700), (keys.path, 0o555), (passphrase.path, 0o644), (installed.path, 0o755)] {
            chmod(path, mode_t(mode))
        }
        defer { chmod(keys.path, 0o700) }
        var environment = BletherProcess(home: data, withKey: false).environment
        environment["BLETHER_PASSPHRASE_FILE"] = passphrase.path
        let asNobody = getuid() == 0
        if asNobody { chown(data.path, 65534, 65534) }
        let program = asNobody ? "/usr/bin/setpriv" : copy.path
        let arguments = (asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] : []) + ["keys", "init", "--name", "Ailsa Grant"]
        let result = try run(program, arguments, environment: environment)
        #expect(result.status == 1)
        #expect(result.errors.contains("You are not allowed to write \(keys.path)/signing-key.json. Choose a folder of your own, or check who may write in \(keys.path) (ls -ld \(keys.path))."),
                "\(result.errors)")
        #expect(!result.errors.contains("NSCocoaErrorDomain") && !result.errors.contains("Code=513"))
    }

    // MARK: Plain read-back

    @Test func thePlainReadBackIsPrintedOnceAndAgainOnlyOnRequest() throws {
        let blether = BletherProcess(home: home)
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-agreement.txt"), encoding: .utf8)
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: script)
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let heading = "14.1 Has the summary been read back"
        let summaryLine = "Seeing my grandchildren."

        let commands = try blether.run(["--plain", "resume", id], input: ":status\n:help\n:status\n:quit\n")
        #expect(commands.output.components(separatedBy: heading).count - 1 == 4, "the question is asked again after each command")
        #expect(commands.output.components(separatedBy: summaryLine).count - 1 == 1, "printed once: \(commands.output)")
        #expect(commands.output.components(separatedBy: "The summary is printed above. Type :readback to see it again.").count - 1 == 3)
        #expect(commands.output.contains(":readback        the summary again"), "listed in :help")

        let again = try blether.run(["--plain", "resume", id], input: ":readback\n:quit\n")
        #expect(again.output.components(separatedBy: summaryLine).count - 1 == 2, "shown again on request: \(again.output)")
    }

    // MARK: The state a budget is listed in

    /// A store from before: a budget the worker approved within their limit was listed as signed.
    /// The next opening with the key lists it as approved, as a team leader's approval is.
    @Test func aBudgetTheWorkerApprovedIsListedApprovedInAStoreFromBefore() throws {
        let blether = BletherProcess(home: home)
        let form = try #require(FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation"))
        let key = try blether.key
        var ids: [String] = []
        do {
            let store = try blether.openStore()
            for referred in [false, true] {
                let summary = try store.create(form: form, person: referred ? "Iain Ross" : "Morag Campbell", language: "en-GB", at: Date())
                let payload = CanonicalValue.object(["costing": .object(["referred": .bool(referred)])])
                let envelope = try Envelope.sign(payload: payload.encoded, type: Envelope.assessmentType, with: key)
                try store.appendRevision(record: summary.id, number: 1, revisionID: envelope.revisionID, envelope: envelope.encoded,
                                         state: referred ? .referred : .signed, actor: key.identity.keyID, at: Date())
                ids.append(summary.id)
            }
        }
        // As an earlier Blether left it: no note of which records to relist.
        let queue = try DatabaseQueue(path: home.appendingPathComponent(ConversationStore.fileName).path)
        try queue.write { db in
            try db.execute(sql: "DROP TABLE relisting")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-relist-agreed-budgets'")
        }
        try queue.close()
        #expect(try blether.run(["audit"]).output.contains("sealed"), "the locked store opens without relisting")
        let listed = try blether.run(["list"])
        #expect(listed.status == 0)
        let morag = try #require(listed.output.split(separator: "\n").first { $0.contains("Morag Campbell") })
        let iain = try #require(listed.output.split(separator: "\n").first { $0.contains("Iain Ross") })
        #expect(morag.contains("approved") && !morag.contains("signed"), "\(morag)")
        #expect(iain.contains("referred"), "\(iain)")
        #expect(try blether.openStore().summary(id: ids[0]).state == .approved)
    }
}
