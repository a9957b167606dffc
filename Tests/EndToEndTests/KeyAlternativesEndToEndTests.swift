import BletherTUI
import Foundation
import Testing

/// Every F-key action by its Ctrl key, in a real terminal (tmux), as a worker without F-keys
/// (a laptop's Fn, GNOME Terminal's F1 and F10, `TERM=vt100`) would press them; word motion
/// with Ctrl-Left and Ctrl-Right; the mouse reported and switched off again on the way out.
@Suite(.serialized, .enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
final class KeyAlternativesEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-keys-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: home) }

    func start(term: String = "tmux-256color", _ arguments: String = "") throws -> TmuxTerminal {
        let prepared = BletherProcess(home: home)
        let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25", "BLETHER_HOME": home.path, "TERM": term,
                           "BLETHER_PASSPHRASE_FILE": prepared.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!]
        // Colour on, whatever the test runner's environment says (`swift test` may set NO_COLOR),
        // so that the high-contrast theme can be seen to change.
        return try TmuxTerminal(command: "env -u NO_COLOR \(BletherProcess.binary.path) \(arguments); echo \"blether ended with $?\"; sleep 600",
                                environment: environment)
    }

    /// Starts a conversation for Morag Campbell from the home, with the person and family here.
    func startConversation(_ terminal: TmuxTerminal) throws {
        #expect(try terminal.waitFor("+ Start a new conversation"), "\(terminal.lastScreen)")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("The supported person's name:"))
        try terminal.press("Tab")
        try terminal.type("Morag Campbell")
        try terminal.press("Tab")
        try terminal.type("13")
        try terminal.press("Tab", "Enter")
        #expect(try terminal.waitFor { $0.contains("1.2 Which language would you like to use?") && $0.contains("answering now") },
                "\(terminal.lastScreen)")
    }

    /// The pane's contents with its colours and attributes, to see a change of theme.
    func styledScreen(_ terminal: TmuxTerminal) throws -> String {
        try terminal.tmux(["capture-pane", "-p", "-e"])
    }

    func mouseReported(_ terminal: TmuxTerminal) throws -> Bool {
        try terminal.tmux(["display-message", "-p", "#{mouse_sgr_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    @Test func everyFKeyActionByItsCtrlKey() throws {
        let terminal = try start()
        try startConversation(terminal)
        #expect(try terminal.waitFor("F1/^G help"), "the key bar shows the Ctrl key: \(terminal.lastScreen)")

        // Ctrl-G: the help, listing both keys.
        try terminal.press("C-g")
        #expect(try terminal.waitFor("F9, Ctrl-F"), "\(terminal.lastScreen)")
        try terminal.press("Escape")
        #expect(try terminal.waitFor { !$0.contains("F9, Ctrl-F") })

        // Ctrl-T: the section list; Enter goes to the highlighted section.
        try terminal.press("C-t")
        #expect(try terminal.waitFor("Enter go"), "\(terminal.lastScreen)")
        try terminal.press("Down", "Enter")
        #expect(try terminal.waitFor("2.1 "), "\(terminal.lastScreen)")

        // Ctrl-W: who is speaking.
        try terminal.press("C-w")
        #expect(try terminal.waitFor("Who is speaking now?"))
        try terminal.press("Down", "Enter")
        #expect(try terminal.waitFor("Speaking: an unpaid carer"), "\(terminal.lastScreen)")

        // Ctrl-O: talked about — nothing here asks for a few words first.
        try terminal.press("C-o")
        #expect(try terminal.waitFor("as talked about — nothing here?"), "\(terminal.lastScreen)")
        try terminal.press("Escape")
        #expect(try terminal.waitFor { !$0.contains("as talked about — nothing here?") })

        // Ctrl-Y: ASCII drawing, and back.
        try terminal.press("C-y")
        #expect(try terminal.waitFor { $0.contains("-----") && !$0.contains("─") && !$0.contains("—") }, "\(terminal.lastScreen)")
        try terminal.press("C-y")
        #expect(try terminal.waitFor("─────"))

        // Ctrl-L: the high-contrast theme, and back.
        let coloured = try styledScreen(terminal)
        #expect(coloured.contains("\u{1B}[34m"), "headings are blue before: \(coloured.debugDescription)")
        try terminal.press("C-l")
        var styled = coloured
        #expect(try terminal.waitFor(20) { _ in
            styled = (try? self.styledScreen(terminal)) ?? ""
            return !styled.contains("\u{1B}[34m")
        }, "high contrast has no colours: \(styled.debugDescription)")
        try terminal.press("C-l")
        #expect(try terminal.waitFor(20) { _ in (try? self.styledScreen(terminal))?.contains("\u{1B}[34m") == true }, "and colours are back")

        // Ctrl-R: the read-back.
        try terminal.press("C-r")
        #expect(try terminal.waitFor("Esc close"), "\(terminal.lastScreen)")
        try terminal.press("Escape")
        #expect(try terminal.waitFor { !$0.contains("Esc close") })

        // Ctrl-K: clear an answer, asked first.
        try terminal.type("Seeing my grandchildren")
        try terminal.press("Tab")
        #expect(try terminal.waitFor { $0.contains("2.2 ") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        try terminal.press("BTab")
        #expect(try terminal.waitFor { $0.contains("2.1 ") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        try terminal.press("C-k")
        #expect(try terminal.waitFor("Clear the answer to"), "\(terminal.lastScreen)")
        try terminal.press("n")
        #expect(try terminal.waitFor { !$0.contains("Clear the answer to") })

        // Ctrl-F: sign, refused until every section is done.
        try terminal.press("C-f")
        #expect(try terminal.waitFor("The record can be signed when every section"), "\(terminal.lastScreen)")

        // Ctrl-X: back to the conversations, and from there out of Blether.
        try terminal.press("C-x")
        #expect(try terminal.waitFor("Blether — conversations"), "\(terminal.lastScreen)")
        #expect(try mouseReported(terminal), "the terminal was asked for mouse reports")
        try terminal.press("C-x")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        #expect(try !mouseReported(terminal), "mouse reporting is switched off on the way out")
    }

    /// vt100 has no F7 or F9: read back and sign are still reachable.
    @Test func underVT100ReadBackAndSignAreReachable() throws {
        let terminal = try start(term: "vt100")
        try startConversation(terminal)
        try terminal.press("C-r")
        #expect(try terminal.waitFor("Esc close"), "\(terminal.lastScreen)")
        try terminal.press("Escape", "C-f")
        #expect(try terminal.waitFor("The record can be signed when every section"), "\(terminal.lastScreen)")
        try terminal.press("C-x", "C-x")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
    }

    @Test func ctrlLeftAndRightMoveByWordInAField() throws {
        let terminal = try start()
        try startConversation(terminal)
        try terminal.type("one two three")
        #expect(try terminal.waitFor("one two three"))
        try terminal.press("C-Left")
        try terminal.type("X")
        #expect(try terminal.waitFor("one two Xthree"), "\(terminal.lastScreen)")
        try terminal.press("C-Left", "C-Left", "C-Left")
        try terminal.type("Y")
        #expect(try terminal.waitFor("Yone two Xthree"), "\(terminal.lastScreen)")
        try terminal.press("C-Right")
        try terminal.type("Z")
        #expect(try terminal.waitFor("YoneZ two Xthree"), "\(terminal.lastScreen)")
        try terminal.press("M-b")
        try terminal.type("W")
        #expect(try terminal.waitFor("WYoneZ two Xthree"), "Alt-B: \(terminal.lastScreen)")
        try terminal.press("M-f")
        try terminal.type("V")
        #expect(try terminal.waitFor("WYoneZV two Xthree"), "Alt-F: \(terminal.lastScreen)")
    }

    /// The process id of Blether in the terminal: the child of the pane's shell.
    func blether(in terminal: TmuxTerminal) throws -> pid_t {
        let shell = try terminal.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "no Blether under the pane's shell \(shell)")
    }

    func flag(_ name: String, _ terminal: TmuxTerminal) throws -> String {
        try terminal.tmux(["display-message", "-p", "#{\(name)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stopped as a job (SIGTSTP), Blether gives the terminal back with the mouse off, and
    /// takes it again when continued; a crash gives it back too before the program ends.
    @Test func suspendAndCrashGiveTheTerminalBackWithTheMouseOff() throws {
        let terminal = try start()
        try startConversation(terminal)
        let pid = try blether(in: terminal)
        #expect(try flag("alternate_on", terminal) == "1" && flag("mouse_sgr_flag", terminal) == "1")

        kill(pid, SIGTSTP)
        #expect(try terminal.waitFor { _ in (try? self.flag("alternate_on", terminal)) == "0" }, "the normal screen is back")
        #expect(try flag("mouse_sgr_flag", terminal) == "0", "and mouse reporting is off")
        kill(pid, SIGCONT)
        #expect(try terminal.waitFor { _ in (try? self.flag("alternate_on", terminal)) == "1" })
        #expect(try terminal.waitFor { $0.contains("1.2 Which language would you like to use?") }, "drawn again: \(terminal.lastScreen)")
        #expect(try flag("mouse_sgr_flag", terminal) == "1")

        kill(pid, SIGSEGV)
        #expect(try terminal.waitFor("blether ended with 139"), "\(terminal.lastScreen)")
        #expect(try flag("alternate_on", terminal) == "0", "a crash leaves the full screen")
        #expect(try flag("mouse_sgr_flag", terminal) == "0", "and switches mouse reporting off")
    }

    /// A click and a turn of the wheel, as the terminal reports them (SGR, mode 1006).
    @Test func aClickOpensASectionAndTheMouseCanBeLeftToTheTerminal() throws {
        let terminal = try start()
        try startConversation(terminal)
        let lines = terminal.lastScreen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("3 Strengths") })
        let column = try #require(lines[row].range(of: "Strengths")).lowerBound.utf16Offset(in: lines[row])
        try terminal.type("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m")
        #expect(try terminal.waitFor { $0.contains("3.1 ") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        try terminal.press("C-x", "C-x")
        #expect(try terminal.waitFor("blether ended with 0"))

        let without = try start("--no-mouse")
        #expect(try without.waitFor("Blether — conversations"))
        #expect(try !mouseReported(without), "--no-mouse leaves the mouse to the terminal")
    }
}
