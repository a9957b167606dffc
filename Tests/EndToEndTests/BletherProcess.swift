import BletherRecords
import BletherStore
import Foundation
import Synchronization

/// Passphrase files made beside test data directories: removed when the test process ends,
/// so no run leaves a passphrase behind in the temporary directory.
private let passphraseFiles = Mutex<Set<String>>([])
private let removePassphraseFilesAtExit: Void = {
    atexit {
        for path in passphraseFiles.withLock({ $0 }) { unlink(path) }
    }
}()

/// Runs the real `blether` binary, as a worker's terminal or a script would.
struct BletherProcess {
    /// The binary built beside the test bundle (or `$BLETHER_BINARY`).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BLETHER_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("blether")
    }()

    static let scripts = Bundle.module.resourceURL!.appendingPathComponent("Scripts")

    let home: URL
    var extraEnvironment: [String: String] = [:]

    /// The test worker's passphrase, kept in `passphrase.txt` beside the data directory.
    static let passphrase = "a long enough passphrase"

    /// A data directory whose worker has a signing key and a passphrase file, as after
    /// `blether keys init` (pass `withKey: false` to start with none).
    init(home: URL, withKey: Bool = true) {
        self.home = home
        let file = home.deletingLastPathComponent().appendingPathComponent(home.lastPathComponent + "-passphrase.txt")
        _ = removePassphraseFilesAtExit
        passphraseFiles.withLock { _ = $0.insert(file.path) }
        try? (BletherProcess.passphrase + "\n").write(to: file, atomically: true, encoding: .utf8)
        // Readable by its owner only, as a worker's passphrase file should be (else Blether warns).
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        extraEnvironment["BLETHER_PASSPHRASE_FILE"] = file.path
        if withKey, (try? KeyStore(dataDirectory: home).ownKey()) == nil {
            _ = try? run(["keys", "init", "--name", "Test Worker"])
        }
    }

    /// The worker's key, opened, for tests that read the store directly.
    var key: UnlockedKey {
        get throws { try KeyStore(dataDirectory: home).ownKey()!.unlock(passphrase: BletherProcess.passphrase) }
    }

    /// The store as the program left it.
    func openStore() throws -> ConversationStore {
        try ConversationStore.open(directory: home, key: try key)
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BLETHER_") }
        environment["BLETHER_HOME"] = home.path
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TERM"] = "dumb"
        return environment.merging(extraEnvironment) { $1 }
    }

    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs to the end with `input` on standard input.
    func run(_ arguments: [String], input: String = "") throws -> Result {
        let process = Process()
        process.executableURL = BletherProcess.binary
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      errors: String(decoding: errors, as: UTF8.self))
    }

    /// Starts the program and keeps it running, for tests that type line by line.
    /// - Parameter wrapper: a program that runs Blether and watches it, such as
    ///   `["/usr/bin/strace", "-f", …]`; Blether's path and arguments follow it.
    func start(_ arguments: [String], under wrapper: [String] = []) throws -> RunningBlether {
        try RunningBlether(arguments: arguments, environment: environment, wrapper: wrapper)
    }
}

/// A running `blether`: type lines, wait for what it shows, or kill it.
final class RunningBlether: @unchecked Sendable {
    private let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let lock = NSLock()
    private var shown = ""

    init(arguments: [String], environment: [String: String], wrapper: [String] = []) throws {
        if let program = wrapper.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = wrapper.dropFirst() + [BletherProcess.binary.path] + arguments
        } else {
            process.executableURL = BletherProcess.binary
            process.arguments = arguments
        }
        process.environment = environment
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.shown += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var output: String { lock.withLock { shown } }

    func type(_ line: String) {
        stdin.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until `condition` holds for what has been shown; false after `seconds`.
    @discardableResult
    func wait(upTo seconds: Double = 20, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(output) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition(output)
    }

    /// How many times `text` has been shown so far.
    func count(of text: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    /// Closes standard input (the end of a script) and waits for the program to leave.
    @discardableResult
    func endInputAndWait() -> Int32 {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        stdout.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    /// Ends the process at once, as a dropped connection or a flat battery would.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        stdout.fileHandleForReading.readabilityHandler = nil
    }
}
