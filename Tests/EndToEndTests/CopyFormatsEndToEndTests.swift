import BletherStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `blether export ID -o FOLDER` makes the copy the person asked for, in the language they
/// asked for it in, and the copy given is noted once, naming every format.
@Suite(.serialized) final class CopyFormatsEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-formats-\(UUID().uuidString)")
    let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("blether-formats-out-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: elsewhere)
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// A signed record whose person asked for a large-print copy in Gaelic ("Gaelic", as the worker wrote it).
    func signedRecordWantingLargePrint(_ worker: BletherProcess) throws -> String {
        var lines = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
            .components(separatedBy: "\n")
        // Line 93 answers "Would you like a copy of this record?"; then the form (2, large print) and the language.
        #expect(lines[91] == "Jo Advocate" && lines[92] == "no")
        lines.replaceSubrange(92...92, with: ["yes", "2", "Gaelic"])
        let signed = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: lines.joined(separator: "\n"))
        #expect(signed.output.contains("The record is signed: revision 1"), "\(signed.output.suffix(600))")
        return try #require(signed.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
    }

    @Test func exportWithNoFormatMakesEveryRecordedFormatInTheRecordedLanguage() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        let folder = elsewhere.appendingPathComponent("morag-copy").path
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let made = try worker.run(["export", id, "-o", folder, "--given"])
        #expect(made.status == 0, "\(made.errors)")
        #expect(try mode(folder) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["large-print.html", "large-print.pdf"])
        for name in ["large-print.html", "large-print.pdf"] { #expect(try mode(folder + "/" + name) == 0o600, "\(name)") }
        // In Gaelic, as the record asks, said in Gaelic.
        let page = try String(contentsOfFile: folder + "/large-print.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"gd\" dir=\"ltr\">") && page.contains("<h1>Am measadh agaibh, air aon duilleag</h1>") && page.contains("An clàr slàn</h") && page.contains("font-size: 18pt"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/large-print.pdf")).starts(with: Data("%PDF-".utf8)))
        // Said to the worker in the worker's language (LANG here gives English), format names too.
        #expect(made.errors.contains("The copy is in Gàidhlig, as the record asks."), "\(made.errors)")
        #expect(made.errors.contains("Wrote the large print copy of record \(id)") && made.errors.contains("Wrote the large-print PDF copy of record \(id)"),
                "\(made.errors)")
        #expect(made.errors.contains("Noted in the audit log: revision 1, in large print, large-print PDF, was given to the person."), "\(made.errors)")
        // The copy given is one event, naming every format made, the language and the revision.
        let given = try worker.run(["audit", id]).output.split(separator: "\n").filter { $0.contains("copy-given") }
        #expect(given.count == 1 && given[0].contains("large-print,pdf gd revision 1 "), "\(given)")

        // A format by name goes to one file; braille is not text for a terminal, so not to standard output.
        let brf = elsewhere.appendingPathComponent("morag.brf").path
        let braille = try worker.run(["export", id, "--format", "braille", "--lang", "en-GB", "-o", brf])
        // The summary page first, then the full record.
        let brailleText = (try? String(contentsOfFile: brf, encoding: .utf8)) ?? ""
        #expect(braille.status == 0 && brailleText.contains(",YR ASSESS;T1 ON \"O PAGE") && brailleText.contains(",! FULL RECORD"), "\(braille.errors)")
        for refused in [["--format", "braille"], ["--format", "pdf", "-o", "-"]] {
            let toTerminal = try worker.run(["export", id, "--lang", "en-GB"] + refused)
            #expect(toTerminal.status == 2 && toTerminal.output.isEmpty && toTerminal.errors.contains("is not text, so it is not sent to standard output"),
                    "\(refused): \(toTerminal.errors)")
        }

        // With no tools on the PATH, the PDF is not made, the package is named, and the page still is.
        try FileManager.default.removeItem(atPath: folder)
        var bare = worker
        bare.extraEnvironment["PATH"] = "/nonexistent"
        let without = try bare.run(["export", id, "-o", folder, "--lang", "en-GB"])
        #expect(without.status == 1)
        #expect(without.errors.contains("chromium") && without.errors.contains("sudo apt-get install chromium"), "\(without.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["large-print.html"])
        let exported = try worker.run(["audit", id]).output.split(separator: "\n").filter { $0.contains(" exported ") }
        #expect(exported.last?.contains("large-print en-GB revision 1 ") == true, "only what was made is noted: \(exported)")
    }

    @Test func aFolderIsNeededAndNeverInsideTheDataDirectory() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        let none = try worker.run(["export", id, "--lang", "en-GB"])
        #expect(none.status == 2 && none.errors.contains("name it with -o FOLDER"), "\(none.errors)")
        let inside = home.appendingPathComponent("copies").path
        let refused = try worker.run(["export", id, "-o", inside, "--lang", "en-GB"])
        #expect(refused.status == 1 && refused.errors.contains("is inside the folder where Blether keeps the sealed records and keys"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: inside))
        // Nor through a link that leads there.
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = elsewhere.appendingPathComponent("link-to-home").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: home.path)
        #expect(try worker.run(["export", id, "-o", link]).status == 1)
        // A link left in an ordinary folder under a copy's name never leads the copy over the database.
        let folder = elsewhere.appendingPathComponent("trap").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(atPath: folder + "/large-print.html", withDestinationPath: home.appendingPathComponent(ConversationStore.fileName).path)
        // (No tools on the PATH: the PDF is not the point here, and Chromium is slow to start.)
        var bare = worker
        bare.extraEnvironment["PATH"] = "/nonexistent"
        let trapped = try bare.run(["export", id, "-o", folder, "--lang", "en-GB"])
        #expect(trapped.status == 1 && trapped.errors.contains("/large-print.html is Blether's database of sealed records (\(home.path)/\(ConversationStore.fileName))"),
                "\(trapped.errors)")
        #expect(try Data(contentsOf: home.appendingPathComponent(ConversationStore.fileName)).starts(with: Data("SQLite format 3".utf8)))
        #expect(try worker.run(["verify", id]).status == 0)
        // A folder others can read or enter is refused as it is: never made private behind its
        // owner's back (-o ~, -o /tmp), nothing written in it; nor one the worker cannot write in.
        let shared = elsewhere.appendingPathComponent("shared").path
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let victim = elsewhere.appendingPathComponent("victim.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: shared + "/large-print.html", withDestinationPath: victim)
        var refusals = [(0o1777, "is a folder others can read or enter (mode 01777)"), (0o777, "is a folder others can read or enter (mode 0777)"),
                        (0o750, "is a folder others can read or enter (mode 0750)")]
        // (Root may write in any folder.)
        if getuid() != 0 { refusals.append((0o500, "is a folder you cannot write in (mode 0500)")) }
        for (folderMode, words) in refusals {
            chmod(shared, mode_t(folderMode))
            let open = try bare.run(["export", id, "-o", shared, "--lang", "en-GB"])
            #expect(open.status == 1 && open.errors.contains(shared + " " + words) && open.errors.contains("Nothing was written or changed"), "\(open.errors)")
            #expect(try mode(shared) == folderMode, "the folder keeps its mode")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: shared + "/large-print.html") == victim)
        // A folder that is already private is used, and a link to another of the worker's files left
        // under a copy's name is replaced by the copy, never followed.
        chmod(shared, 0o700)
        _ = try bare.run(["export", id, "-o", shared, "--lang", "en-GB"])
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me", "the linked file is untouched")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: shared + "/large-print.html")) == nil, "the link itself is gone")
        #expect(try String(contentsOfFile: shared + "/large-print.html", encoding: .utf8).contains("<html"))
        #expect(try mode(shared) == 0o700)
        // A file is not a folder.
        let file = elsewhere.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notFolder = try worker.run(["export", id, "-o", file, "--lang", "en-GB"])
        #expect(notFolder.status == 1 && notFolder.errors.contains("is a file, not a folder"), "\(notFolder.errors)")
    }

    /// The adult form's script as it is: the person answers "no" to "Would you like a copy of this record?".
    func signedRecordWantingNoCopy(_ worker: BletherProcess) throws -> String {
        let lines = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
        #expect(lines.components(separatedBy: "\n")[92] == "no")
        let signed = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: lines)
        #expect(signed.output.contains("The record is signed: revision 1"), "\(signed.output.suffix(600))")
        return try #require(signed.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
    }

    func auditLines(_ worker: BletherProcess, _ id: String, _ event: String) throws -> [Substring] {
        try worker.run(["audit", id]).output.split(separator: "\n").filter { $0.contains(" \(event) ") }
    }

    /// "No copy" is an answer: export says so, a folder given is refused, and a format named
    /// (the person changed their mind) is noted as given, exactly.
    @Test func aPersonWhoSaidNoCopyIsNeverNotedAsGivenUnlessAFormatIsNamed() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingNoCopy(worker)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let folder = elsewhere.appendingPathComponent("no-copy").path

        let refused = try worker.run(["export", id, "-o", folder, "--given"])
        #expect(refused.status == 1 && refused.errors.contains("The person said they did not want a copy of record \(id), so no copy is noted as given"),
                "\(refused.errors)")
        #expect(!refused.errors.contains("does not say"))
        #expect(!FileManager.default.fileExists(atPath: folder), "nothing written")
        #expect(try auditLines(worker, id, "copy-given").isEmpty && auditLines(worker, id, "exported").isEmpty, "nothing noted")

        // Made for the worker, saying truthfully what the person said.
        let made = try worker.run(["export", id, "-o", folder])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.errors.contains("The person said they did not want a copy of this record. The printed copy (text and page) is made for you"),
                "\(made.errors)")
        #expect(!made.errors.contains("does not say"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["copy.html", "copy.txt"])
        #expect(try auditLines(worker, id, "copy-given").isEmpty)

        // They changed their mind: the format named is noted as given, and only it.
        let page = elsewhere.appendingPathComponent("morag-large-print.html").path
        let changed = try worker.run(["export", id, "--format", "large-print", "-o", page, "--given"])
        #expect(changed.status == 0 && changed.errors.contains("As you named the format, the large print copy is noted as given"), "\(changed.errors)")
        let given = try auditLines(worker, id, "copy-given")
        #expect(given.count == 1 && given[0].contains(" large-print en-GB revision 1 "), "\(given)")
    }

    /// A copy given is a file the worker can hand over: never standard output, a device or a pipe.
    @Test func aCopyGivenMustBeAnOrdinaryFile() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let fifo = elsewhere.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (arguments, status, words) in [(["-o", "/dev/null"], Int32(1), "/dev/null is not an ordinary file"),
                                           (["-o", fifo], 1, "\(fifo) is not an ordinary file"),
                                           ([], 2, "must be written to a file you can give them"),
                                           (["-o", "-"], 2, "must be written to a file you can give them")] {
            let run = try worker.run(["export", id, "--format", "text", "--given", "--lang", "en-GB"] + arguments)
            #expect(run.status == status && run.errors.contains(words) && run.output.isEmpty, "\(arguments): \(run.errors)")
        }
        // In a folder, a pipe left under a copy's name is not written or noted; the rest is.
        let folder = elsewhere.appendingPathComponent("copies").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        #expect(mkfifo(folder + "/large-print.pdf", 0o600) == 0)
        var bare = worker
        bare.extraEnvironment["PATH"] = "/nonexistent"
        let run = try bare.run(["export", id, "-o", folder, "--given", "--lang", "en-GB"])
        #expect(run.status == 1 && run.errors.contains("\(folder)/large-print.pdf is not an ordinary file"), "\(run.errors)")
        let given = try auditLines(worker, id, "copy-given")
        #expect(given.count == 1 && given[0].contains(" large-print en-GB revision 1 "), "only the page is noted: \(given)")
        // Without --given, standard output is the worker's to use.
        let printed = try worker.run(["export", id, "--format", "text", "-o", "-", "--lang", "en-GB"])
        #expect(printed.status == 0 && printed.output.contains("Morag Campbell"))
        #expect(!FileManager.default.fileExists(atPath: "-"), "-o - is standard output, not a file named -")
    }

    /// One file is refused inside the data directory as a folder is, and each refusal says what
    /// the path really is; an empty -o and -o - for a folder are refused.
    @Test func aSingleFileIsNeverWrittenIntoTheDataDirectory() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        let inside = home.appendingPathComponent("y.txt").path
        let refused = try worker.run(["export", id, "--format", "text", "-o", inside, "--lang", "en-GB"])
        #expect(refused.status == 1 && refused.errors.contains("\(inside) is inside the folder where Blether keeps the sealed records and keys (\(home.path))"),
                "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: inside))
        for (path, words) in [(home.path, "is Blether's data directory (\(home.path))"),
                              (home.path + "/keys/copy.txt", "is in Blether's folder of signing keys (\(home.path)/keys)"),
                              (home.path + "/\(ConversationStore.fileName)-wal", "is a journal file of Blether's database of sealed records"),
                              (home.path + "/blether.lock", "is Blether's lock file")] {
            let run = try worker.run(["export", id, "--format", "text", "-o", path, "--lang", "en-GB"])
            #expect(run.status == 1 && run.errors.contains(path + " " + words), "\(path): \(run.errors)")
            #expect(!run.errors.contains("one of the files"))
        }
        #expect(try worker.run(["verify", id]).status == 0)
        for arguments in [["-o", ""], ["--format", "text", "-o", ""]] {
            let empty = try worker.run(["export", id, "--lang", "en-GB"] + arguments)
            #expect(empty.status == 2 && empty.errors.contains("-o names nothing") && !empty.errors.contains("does not exist"), "\(empty.errors)")
        }
        let dash = try worker.run(["export", id, "-o", "-", "--lang", "en-GB"])
        #expect(dash.status == 2 && dash.errors.contains("-o - (standard output) takes one copy in a text format"), "\(dash.errors)")
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    /// Export speaks to the worker in the worker's language, format names too, while the copy
    /// is in the language the record asks for.
    @Test func messagesAreInTheWorkersLanguageAndTheCopyInThePersons() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let folder = elsewhere.appendingPathComponent("polish-worker").path
        var polish = worker
        polish.extraEnvironment["BLETHER_LANG"] = "pl"
        polish.extraEnvironment["PATH"] = "/nonexistent"
        let run = try polish.run(["export", id, "-o", folder])
        #expect(run.errors.contains("Utworzono kopię (duży druk) zapisu \(id)"), "\(run.errors)")
        #expect(run.errors.contains("Nie utworzono kopii (PDF w dużym druku)"), "\(run.errors)")
        #expect(!run.errors.contains("large print") && !run.errors.contains("large-print copy"), "\(run.errors)")
        let page = try String(contentsOfFile: folder + "/large-print.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"gd\" dir=\"ltr\">"))
    }

    /// `ln -s ~/.bashrc /tmp/morag-copy.txt; blether export ID --format text -o /tmp/morag-copy.txt`
    /// overwrote .bashrc: a link named by -o is replaced by the copy, never followed, a link to
    /// nowhere too; a folder that cannot be written in, or a missing one named with a /, is said truly.
    @Test func aLinkNamedByOutputIsReplacedAndEveryRefusalSaysWhatIsTrue() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let bashrc = elsewhere.appendingPathComponent("bashrc").path
        try Data("export PATH=~/bin:$PATH\n".utf8).write(to: URL(fileURLWithPath: bashrc))
        let planted = elsewhere.appendingPathComponent("morag-copy.txt").path
        let dangling = elsewhere.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: bashrc)
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: elsewhere.path + "/nowhere/at-all.txt")
        for path in [planted, dangling] {
            let run = try worker.run(["export", id, "--format", "text", "-o", path, "--lang", "en-GB", "--given"])
            #expect(run.status == 0 && !run.errors.contains("does not exist"), "\(path): \(run.errors)")
            var status = stat()
            #expect(lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_mode & 0o777 == 0o600, "\(path) is now the copy")
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Morag Campbell"))
        }
        #expect(try String(contentsOfFile: bashrc, encoding: .utf8) == "export PATH=~/bin:$PATH\n", "the file the link named keeps its bytes")
        // A folder that is there but takes no file is not said to be missing.
        let proc = try worker.run(["export", id, "--format", "text", "-o", "/proc/blether-copy.txt", "--lang", "en-GB"])
        #expect(proc.status == 1 && proc.errors.contains("You are not allowed to write /proc/blether-copy.txt") && !proc.errors.contains("does not exist"), "\(proc.errors)")
        // A name ending in / is a folder: a missing one is missing, one that is there is a folder.
        let missing = elsewhere.path + "/newdir/"
        let slash = try worker.run(["export", id, "--format", "text", "-o", missing, "--lang", "en-GB"])
        #expect(slash.status == 1 && slash.errors.contains(elsewhere.path + "/newdir does not exist") && !slash.errors.contains("part of the way"), "\(slash.errors)")
        let there = try worker.run(["export", id, "--format", "text", "-o", elsewhere.path + "/", "--lang", "en-GB"])
        #expect(there.status == 1 && there.errors.contains(elsewhere.path + " is a folder. Name a file instead."), "\(there.errors)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path + "/newdir"))
    }

    /// `BLETHER_LANG=pl blether export ID --format text --lang gd` spoke Gaelic to a Polish worker:
    /// export's --lang is the copy's; the worker's messages stay in the worker's language, and
    /// say when the copy is not in the one the record asks for.
    @Test func exportsLangIsTheCopysLanguageAndTheMessagesStayTheWorkers() throws {
        let worker = BletherProcess(home: home)
        let id = try signedRecordWantingLargePrint(worker)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        var polish = worker
        polish.extraEnvironment["BLETHER_LANG"] = "pl"
        let file = elsewhere.appendingPathComponent("x.txt").path
        let run = try polish.run(["export", id, "--format", "text", "--lang", "zh-Hans", "-o", file, "--given"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("Kopia jest w języku: 简体中文, zgodnie z prośbą; zapis prosi o język: Gàidhlig."), "\(run.errors)")
        #expect(run.errors.contains("Utworzono") || run.errors.contains("Zapisano"), "in Polish: \(run.errors)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Morag Campbell"))
        // blether --lang before the command is the worker's language; the copy then is the record's.
        let english = try polish.run(["--lang", "en-GB", "export", id, "--format", "text", "-o", file])
        #expect(english.status == 0 && english.errors.contains("The copy is in Gàidhlig, as the record asks."), "\(english.errors)")
        let unknown = try polish.run(["export", id, "--format", "text", "--lang", "xx", "-o", file])
        #expect(unknown.status == 2 && !unknown.errors.isEmpty, "\(unknown.errors)")
    }
}
