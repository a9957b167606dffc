import Foundation
import Testing

/// The person's review in plain mode is a kiosk: no key they can press gives them the
/// worker's shell or a debugger. Driven from outside, on a real terminal (tmux).
@Suite(.serialized, .enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
final class PlainReviewKioskEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-kiosk-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: home) }

    static let keysLine = "Press Enter for the next page"
    static let forbidden = ["Backtrace", "(lldb)", "Crash", "crashed", "Quit", "Stopped", "Terminated", "blether ended"]

    /// `blether --plain review ID` on a terminal; after it ends, its exit status and whether echo is on.
    func reviewing() throws -> (terminal: TmuxTerminal, id: String, blether: BletherProcess) {
        let blether = BletherProcess(home: home)
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: "1\nGàidhlig\n:quit\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let command = "\(BletherProcess.binary.path) --plain review \(id); echo \"blether ended with $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*echo' | sed 's/^/terminal /'; sleep 600"
        let terminal = try TmuxTerminal(command: command, environment: [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "BLETHER_HOME": home.path, "TERM": "tmux-256color",
            "BLETHER_PASSPHRASE_FILE": blether.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!,
        ])
        #expect(try terminal.waitFor(Self.keysLine), "\(terminal.lastScreen)")
        return (terminal, id, blether)
    }

    /// Everything the terminal has shown, scrolled off or not.
    func history(_ terminal: TmuxTerminal) throws -> String {
        try terminal.tmux(["capture-pane", "-p", "-S", "-3000"])
    }

    /// The review process: the child of the pane's shell.
    func reviewProcess(_ terminal: TmuxTerminal) throws -> pid_t? {
        let shell = try terminal.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Clock ticks of CPU used by `pid` so far.
    func cpuTicks(_ pid: pid_t) -> Int {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        // After the command name: state is field 3, utime 14 and stime 15 of the whole line.
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return -1 }
        return user + system
    }

    @Test func noKeyThePersonCanPressEndsTheReviewOrShowsADebugger() throws {
        let (terminal, id, blether) = try reviewing()
        let pid = try #require(try reviewProcess(terminal))
        for key in ["C-d", "C-\\", "C-z", "C-c", "C-d"] {
            let shown = try history(terminal).components(separatedBy: Self.keysLine).count
            try terminal.press(key)
            // Enter shows the next page (or the same last one): the review is still reading.
            try terminal.press("Enter")
            #expect(try terminal.waitFor(10) { _ in ((try? self.history(terminal)) ?? "").components(separatedBy: Self.keysLine).count > shown },
                    "after \(key) the review still answers: \(terminal.lastScreen)")
        }
        // Ctrl-D held down, faster than any key repeats: still reading, no shell.
        let shown = try history(terminal).components(separatedBy: Self.keysLine).count
        try terminal.press("C-d", times: 60)
        try terminal.press("Enter")
        #expect(try terminal.waitFor(10) { _ in ((try? self.history(terminal)) ?? "").components(separatedBy: Self.keysLine).count > shown },
                "after Ctrl-D held down the review still answers: \(terminal.lastScreen)")
        let everything = try history(terminal)
        for word in Self.forbidden { #expect(!everything.contains(word), "“\(word)” appeared:\n\(everything)") }
        #expect(kill(pid, 0) == 0, "the review is still running")
        // Not spinning: under a fifth of a core over a second.
        let before = cpuTicks(pid)
        Thread.sleep(forTimeInterval: 1)
        #expect(cpuTicks(pid) - before < 20, "the review waits for a key without using the processor")

        // At the passphrase prompt too: Ctrl-D, Ctrl-\ and Ctrl-C are ignored, and nothing typed is shown.
        try terminal.type("q")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("The worker's passphrase is needed to leave:"))
        for key in ["C-d", "C-\\", "C-c", "C-z"] { try terminal.press(key) }
        try terminal.type(BletherProcess.passphrase)
        try terminal.press("Enter")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        #expect(try terminal.waitFor("terminal echo"), "echo is on again: \(terminal.lastScreen)")
        #expect(!(try history(terminal)).contains(BletherProcess.passphrase), "the passphrase was never shown")
        let audit = try blether.run(["audit", id]).output
        #expect(audit.contains("review-closed") && !audit.contains("review-ended-without-passphrase"))
    }

    @Test func keysPressedWhileAWrongPassphraseIsCheckedAreNeverShown() throws {
        let (terminal, _, _) = try reviewing()
        try terminal.type("q")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("The worker's passphrase is needed to leave:"))
        try terminal.type("not the one")
        try terminal.press("Enter")
        // A key pressed again and again while the wrong passphrase is checked (a key derivation,
        // a second or more): none of them is shown before the answer comes.
        #expect(try terminal.waitFor { screen in
            if screen.contains("That is not the worker's passphrase") { return true }
            try? terminal.type("Z")
            return false
        }, "\(terminal.lastScreen)")
        let everything = try history(terminal)
        let beforeTheAnswer = everything.components(separatedBy: "That is not the worker's passphrase").first ?? everything
        let asked = beforeTheAnswer.components(separatedBy: "needed to leave:").last ?? ""
        #expect(!asked.contains("Z") && !everything.contains("not the one"), "\(everything)")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func killOrAClosedTerminalEndsTheReviewWithoutAShellAndSaysSo(signal: Int32) throws {
        let (terminal, id, blether) = try reviewing()
        let pid = try #require(try reviewProcess(terminal))
        // While the passphrase is being typed, echo off: the terminal is given back with echo on.
        try terminal.type("q")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("The worker's passphrase is needed to leave:"))
        try terminal.type("half a pass")
        kill(pid, signal)
        #expect(try terminal.waitFor("blether ended with 1"), "\(terminal.lastScreen)")
        #expect(try terminal.waitFor("terminal echo"), "echo is on again: \(terminal.lastScreen)")
        #expect(terminal.lastScreen.contains("The review ended without the worker's passphrase."))
        let everything = try history(terminal)
        #expect(!everything.contains("Backtrace") && !everything.contains("half a pass"))
        let audit = try blether.run(["audit", id]).output
        #expect(audit.contains("review-ended-without-passphrase"))
        #expect(!audit.contains("passphrase-wrong"), "a passphrase cut short is not tried")
    }
}

/// Passphrase files: line endings, blank passphrases, and who else can read the file.
@Suite final class PassphraseFileEndToEndTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-passfile-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: directory) }

    func file(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }

    func blether(passphraseFile: String) -> BletherProcess {
        var process = BletherProcess(home: directory.appendingPathComponent("home"), withKey: false)
        process.extraEnvironment["BLETHER_PASSPHRASE_FILE"] = passphraseFile
        return process
    }

    @Test func aWindowsFileMakesAKeyTheSameWordsOpen() throws {
        let made = try blether(passphraseFile: try file("crlf.txt", "words for the key\r\n")).run(["keys", "init", "--name", "Ailsa Grant"])
        #expect(made.status == 0, "\(made.errors)")
        let unix = try blether(passphraseFile: try file("lf.txt", "words for the key\n")).run(["list"])
        #expect(unix.status == 0, "the same words in an LF file open it: \(unix.errors)")
        let typed = try blether(passphraseFile: try file("none.txt", "words for the key")).run(["list"])
        #expect(typed.status == 0, "\(typed.errors)")
        #expect(made.errors.isEmpty && unix.errors.isEmpty, "a file only its owner can read is not warned about")
    }

    @Test(arguments: ["          \n", "\t\t\t\t\t\t\t\t\t\t\r\n"])
    func aPassphraseOfOnlyWhiteSpaceIsRefused(text: String) throws {
        let refused = try blether(passphraseFile: try file("blank.txt", text)).run(["keys", "init", "--name", "Ailsa Grant"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("A passphrase of only spaces, tabs or blank lines cannot be kept secret."), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("home/keys/signing-key.json").path))
    }

    /// A hostile tester's keys: ten zero-width spaces, NUL bytes or Esc presses made a key no one could retype.
    @Test(arguments: [String(repeating: "\u{200B}", count: 10) + "\n", String(repeating: "\u{0}", count: 10) + "\n", String(repeating: "\u{1B}", count: 10) + "\n",
                      "abc\u{200B}\u{200B}def\u{0}\u{1B}  \n"])
    func aPassphraseWithTooFewVisibleCharactersIsRefused(text: String) throws {
        let refused = try blether(passphraseFile: try file("invisible.txt", text)).run(["keys", "init", "--name", "Ailsa Grant"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("The passphrase needs at least 10 letters, digits, punctuation marks or symbols."), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("home/keys/signing-key.json").path))
    }

    @Test func aFileOthersCanReadIsWarnedAbout() throws {
        let path = try file("open.txt", "words for the key\n", mode: 0o644)
        let made = try blether(passphraseFile: path).run(["keys", "init", "--name", "Ailsa Grant"])
        #expect(made.status == 0)
        #expect(made.errors.contains("Warning: the passphrase file \(path) can be read or changed by other people on this computer."), "\(made.errors)")
        #expect(!made.output.contains("Warning"), "the warning goes to standard error")
    }
}

/// Ctrl-\ (SIGQUIT) never brings up the Swift runtime's crash debugger, in any mode; and a
/// bidi control in a name is shown, never obeyed, wherever plain text prints it.
@Suite final class DebuggerAndBidiEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-quit-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: home) }

    /// On a real terminal, where signals are as a worker's shell leaves them (a test runner's
    /// own children may inherit SIGQUIT ignored, which would prove nothing).
    @Test(.enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
    func ctrlBackslashInAPlainConversationIsIgnored() throws {
        let blether = BletherProcess(home: home)
        let terminal = try TmuxTerminal(command: "\(BletherProcess.binary.path) --plain new --person 'Morag Campbell'; echo \"blether ended with $?\"; sleep 600",
                                        environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "BLETHER_HOME": home.path, "TERM": "tmux-256color",
                                                      "BLETHER_PASSPHRASE_FILE": blether.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!])
        #expect(try terminal.waitFor("1.1 Who is here"), "\(terminal.lastScreen)")
        try terminal.press("C-\\")
        try terminal.type(":quit")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        for word in ["Backtrace", "crashed", "(lldb)", "Quit"] { #expect(!terminal.lastScreen.contains(word), "\(terminal.lastScreen)") }
    }

    @Test func aRightToLeftOverrideInANameIsShownInEveryPlainPrint() throws {
        let blether = BletherProcess(home: home)
        let started = try blether.run(["--plain", "new", "--person", "Evil\u{202E}eman llehs"], input: "1\nEnglish\u{202B}\n:quit\n")
        let id = try #require(started.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let listed = try blether.run(["list"]).output
        let reviewed = try blether.run(["--plain", "review", id], input: "\n")
        for text in [started.output, listed, reviewed.output, reviewed.errors] {
            // Only the isolates Blether itself puts round a field (U+2068 … U+2069) are left.
            #expect(!text.unicodeScalars.contains { BidiIsolationScalars.controls.contains($0.value) }, "no bidi control is printed raw:\n\(text)")
        }
        #expect(started.output.contains("Evil<U+202E>eman llehs"))
        #expect(listed.contains("Evil<U+202E>eman llehs  adult-good-conversation"), "\(listed)")
        #expect(reviewed.output.contains("Your record — \u{2068}Evil<U+202E>eman llehs\u{2069}"), "\(reviewed.output)")
        #expect(reviewed.output.contains("English<U+202B>"), "an answer too: \(reviewed.output)")
    }
}

/// The bidi controls that must never be printed raw, by code point: all but the first strong
/// isolate and its close, which Blether puts round a field itself.
enum BidiIsolationScalars {
    static let controls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x200E, 0x200F, 0x061C]
}
