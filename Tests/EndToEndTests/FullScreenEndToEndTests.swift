import BletherCore
import BletherForms
import BletherStore
import Foundation
import Testing

/// The full-screen program in a real terminal (tmux): start, create a conversation,
/// answer with wide characters, jump, resize, quit with Ctrl-C, restart, find every answer;
/// and a support plan written with keys, its costing shown with F7 before it is gone through.
@Suite(.serialized, .enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
final class FullScreenEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-tmux-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: home) }
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!

    /// The terminal's environment, with a worker whose key opens the store.
    var environment: [String: String] {
        let prepared = BletherProcess(home: home)
        return ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25", "BLETHER_HOME": home.path, "TERM": "tmux-256color",
                "BLETHER_PASSPHRASE_FILE": prepared.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!]
    }

    func start(_ arguments: String = "") throws -> TmuxTerminal {
        try TmuxTerminal(command: "\(BletherProcess.binary.path) \(arguments); echo \"blether ended with $?\"; sleep 600", environment: environment)
    }

    @Test func aWholeVisitInTheFullScreenProgram() throws {
        let terminal = try start()
        #expect(try terminal.waitFor("Blether — conversations"), "\(terminal.lastScreen)")
        #expect(try terminal.waitFor("+ Start a new conversation"))

        try terminal.press("Enter")
        #expect(try terminal.waitFor("The supported person's name:"))
        try terminal.press("Tab")
        try terminal.type("Morag Campbell")
        try terminal.press("Tab")
        try terminal.type("13")
        try terminal.press("Tab", "Enter")
        #expect(try terminal.waitFor("Speaking: the person"), "\(terminal.lastScreen)")
        #expect(try terminal.waitFor { $0.contains("1.2 Which language would you like to use?") && $0.contains("answering now") })

        try terminal.type("Gàidhlig")
        try terminal.press("Tab")
        #expect(try terminal.waitFor("1.3 How can we best talk together?"))
        try terminal.type("我喜欢用简单的话。")
        #expect(try terminal.waitFor("我喜欢用简单的话。"))
        let (column, row) = try terminal.cursor()
        let line = terminal.lastScreen.split(separator: "\n", omittingEmptySubsequences: false)[row]
        #expect(line.hasSuffix("我喜欢用简单的话。"), "the cursor rests after the typed text: \(line)")
        #expect(column == 44 + 18, "nine wide characters take eighteen cells, after the section list (40 wide at 100 columns)")
        try terminal.press("Tab")
        #expect(try terminal.waitFor("   我喜欢用简单的话。"))

        try terminal.press("F2", "Down", "Down", "Down", "Enter")
        #expect(try terminal.waitFor("4.1 Who are the people in your life? — answering now"), "\(terminal.lastScreen)")
        try terminal.press("F2", "Down", "Down", "Down", "Down", "Down", "Down", "Enter")
        #expect(try terminal.waitFor("Problem: “Working out the budget” is not open yet."), "\(terminal.lastScreen)")

        try terminal.resize(columns: 70, rows: 20)
        #expect(try terminal.waitFor("The window is too small for Blether."))
        try terminal.resize(columns: 120, rows: 40)
        #expect(try terminal.waitFor { $0.contains("Sections") && $0.split(separator: "\n").first.map { $0.count > 100 } == true })

        try terminal.press("C-c")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        #expect(!terminal.lastScreen.contains("Sections"), "the terminal is given back")

        let store = try BletherProcess(home: home).openStore()
        let summary = try #require(try store.summaries().first)
        let session = try store.restore(id: summary.id, form: form)
        #expect(session.answers["present"]?.value == .choices(["person", "family"], other: nil))
        #expect(session.answers["language"]?.value == .text("Gàidhlig"))
        #expect(session.answers["communication"]?.value == .text("我喜欢用简单的话。"))

        let again = try start()
        #expect(try again.waitFor("Morag Campbell"))
        try again.press("Down", "Enter")
        #expect(try again.waitFor("4.1 Who are the people in your life? — answering now"), "\(again.lastScreen)")
        try again.press("F2", "Home", "Enter")
        #expect(try again.waitFor("   Gàidhlig"), "\(again.lastScreen)")
        #expect(again.lastScreen.contains("   我喜欢用简单的话。"))
        try again.press("F10")
        #expect(try again.waitFor("Blether — conversations"))
        try again.press("C-c")
        #expect(try again.waitFor("blether ended with 0"))
    }

    @Test func aSignalSavesTheAnswerBeingTypedAndGivesTheTerminalBack() throws {
        let full = try TmuxTerminal(command: "\(BletherProcess.binary.path) new --person Iain; echo \"blether ended with $?\"; sleep 600", environment: environment)
        #expect(try full.waitFor("Speaking: the person"))
        try full.press("Tab")
        try full.type("Doric")
        #expect(try full.waitFor("Doric"))
        let pid = try full.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        child.arguments = ["-TERM", "-P", pid, "-x", "blether"]
        try child.run()
        child.waitUntilExit()
        #expect(try full.waitFor("blether ended with"), "\(full.lastScreen)")
        let store = try BletherProcess(home: home).openStore()
        let iain = try #require(try store.summaries().first { $0.person == "Iain" })
        #expect(try store.restore(id: iain.id, form: form).answers["language"]?.value == .text("Doric"))
        #expect(!full.lastScreen.contains("Speaking:"), "the terminal is given back")
    }

    @Test func aLongPasteArrivesWholeWithoutWaitingForEachLetterToBeDrawn() throws {
        let full = try TmuxTerminal(command: "\(BletherProcess.binary.path) new --person Ailsa; echo \"blether ended with $?\"; sleep 600", environment: environment)
        #expect(try full.waitFor("Speaking: the person"))
        try full.press("PageDown")
        #expect(try full.waitFor { $0.contains("2.1 In your own words") && $0.contains("answering now") }, "\(full.lastScreen)")
        // Five thousand characters at once, as a paste arrives: drawn once per burst, not per
        // letter (each letter drawn took this whole test's time and more before).
        let pasted = String(String(repeating: "abcdefghi ", count: 500).dropLast()) + "Z"
        try full.tmux(["set-buffer", "-b", "paste", pasted], capture: false)
        try full.tmux(["paste-buffer", "-b", "paste"], capture: false)
        #expect(try full.waitFor(20) { $0.contains("abcdefghiZ") }, "\(full.lastScreen)")
        try full.press("Tab")
        #expect(try full.waitFor("2.2"), "\(full.lastScreen)")
        try full.press("C-c")
        #expect(try full.waitFor("blether ended with 0"), "\(full.lastScreen)")
        let store = try BletherProcess(home: home).openStore()
        let ailsa = try #require(try store.summaries().first { $0.person == "Ailsa" })
        #expect(try store.restore(id: ailsa.id, form: form).answers["own-words"]?.value == .text(pasted))
    }

    @Test func aSupportPlanIsWrittenAndItsCostingShownBeforeItIsGoneThrough() throws {
        // The good conversation in plain mode, up to the costing.
        let blether = BletherProcess(home: home)
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-agreement.txt"), encoding: .utf8)
        let upToCosting = script.components(separatedBy: "\n").prefix { $0 != ":nothing" } + [":nothing", "Phones and alarms; nothing wanted", ":quit"]
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: upToCosting.joined(separator: "\n") + "\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description

        let terminal = try start("resume \(id)")
        #expect(try terminal.waitFor { $0.contains("10.1 Which council rules") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        try terminal.press("1", "Tab")
        try terminal.type("2")
        try terminal.press("Tab")
        #expect(try terminal.waitFor("+ Add a support"), "\(terminal.lastScreen)")
        // A line: a personal assistant, 10 hours, every week, for choir.
        try terminal.press("Enter", "1", "Tab")
        try terminal.type("10")
        try terminal.press("Tab", "Tab")
        try terminal.type("Get to choir")
        try terminal.press("C-s")
        #expect(try terminal.waitFor { read($0).contains("1. Personal assistant: 10 hours a week — for: Get to choir") }, "\(terminal.lastScreen)")
        try terminal.press("Tab")
        #expect(try terminal.waitFor("F7/^R how the amount was worked out"), "\(terminal.lastScreen)")
        try terminal.press("1", "Tab")
        #expect(try terminal.waitFor { read($0).contains("Problem: Show how the amount was worked out first: press F7 (Ctrl-R).") }, "\(terminal.lastScreen)")
        try terminal.press("F7")
        #expect(try terminal.waitFor("Relevant amount under Option 1 for the whole period: £9,125.00"), "\(terminal.lastScreen)")
        // Closed after its first page: not gone through. Every page, then "yes" is taken.
        try terminal.press("Escape", "1", "Tab")
        #expect(try terminal.waitFor { read($0).contains("Problem: How the amount was worked out was not shown to the end.") }, "\(terminal.lastScreen)")
        try terminal.press("F7")
        for _ in 0..<8 { try terminal.press("PageDown") }
        #expect(try terminal.waitFor("not yet a decision"), "\(terminal.lastScreen)")
        try terminal.press("Escape", "1", "Tab")
        #expect(try terminal.waitFor { read($0).contains("11.1 Has independent support to help you choose been offered?") }, "\(terminal.lastScreen)")
        try terminal.press("C-c")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        // Leaving the full screen says how to come back to it, not to plain mode.
        #expect(read(terminal.lastScreen).contains("To carry on later, type: blether resume \(id)"), "\(terminal.lastScreen)")
        #expect(!terminal.lastScreen.contains("--plain"), "\(terminal.lastScreen)")

        let store = try blether.openStore()
        let session = try store.restore(id: id, form: form)
        #expect(session.answers["support-plan"]?.value == .supportPlan([
            SupportPlan.Line(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Get to choir"),
        ]))
        #expect(session.answers["budget-explained"]?.value == .yesNo(true))
        #expect(try store.latestShown(.costing, conversation: id)?.language == "en-GB", "what was gone through is noted")
    }
}

/// Handing the laptop over: leaving the review without the worker's passphrase is refused,
/// and no other record can be reached.
@Suite(.serialized, .enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
final class ReviewLockEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-review-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: home) }

    @Test func leavingTheReviewNeedsTheWorkersPassphrase() throws {
        let blether = BletherProcess(home: home)
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: "1\nGàidhlig\n:quit\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        _ = try blether.run(["--plain", "new", "--person", "Somebody Else"], input: ":quit\n")
        let terminal = try TmuxTerminal(command: "\(BletherProcess.binary.path) review \(id); echo \"blether ended with $?\"; sleep 600",
                                        environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25", "BLETHER_HOME": home.path,
                                                      "TERM": "tmux-256color", "BLETHER_PASSPHRASE_FILE": blether.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!])
        #expect(try terminal.waitFor("Your record — Morag Campbell"), "\(terminal.lastScreen)")
        // The title can be drawn before the rest of the page has arrived: wait for the answer too.
        #expect(try terminal.waitFor("Gàidhlig"), "\(terminal.lastScreen)")
        // Keys that would suspend, quit with a backtrace or end input elsewhere do nothing here.
        for key in ["C-z", "C-\\", "C-d"] { try terminal.press(key) }
        try terminal.press("PageDown")
        #expect(try terminal.waitFor("Page 2 of"), "the review is still there and answering: \(terminal.lastScreen)")
        #expect(!terminal.lastScreen.contains("Backtrace") && !terminal.lastScreen.contains("blether ended"))
        try terminal.press("PageUp")
        for keys in [["Escape"], ["F10"], ["C-c"]] {
            try terminal.press(keys[0])
            #expect(try terminal.waitFor("Leaving your record"))
            try terminal.type("not the passphrase")
            try terminal.press("Enter")
            #expect(try terminal.waitFor("the record stays open"), "\(terminal.lastScreen)")
            // A wrong passphrase keeps the prompt open; Esc closes it.
            try terminal.press("Escape")
            #expect(try terminal.waitFor { !$0.contains("Leaving your record") }, "\(terminal.lastScreen)")
        }
        #expect(!terminal.lastScreen.contains("Somebody Else"))
        #expect(!terminal.lastScreen.contains("blether ended"))
        // After a wrong try the worker types again straight away, into the same masked prompt:
        // nothing of it reaches the person's words.
        try terminal.press("F10")
        #expect(try terminal.waitFor("Leaving your record"))
        try terminal.type("c is not it")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("the record stays open"))
        try terminal.type(BletherProcess.passphrase)
        #expect(try terminal.waitFor(String(repeating: "•", count: BletherProcess.passphrase.count)), "\(terminal.lastScreen)")
        #expect(!terminal.lastScreen.contains(BletherProcess.passphrase) && !terminal.lastScreen.contains("Your words"))
        try terminal.press("C-s")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        let audit = try blether.run(["audit", id]).output
        #expect(audit.contains("review-opened") && audit.contains("review-closed") && audit.contains("passphrase-wrong"))
        #expect(!audit.contains("comment-added"), "nothing typed in the prompt was saved as the person's words")
    }

    /// `kill` or a closed terminal ends the full-screen review as it ends the plain one: exit
    /// status 1, a message, the terminal given back, and the audit log saying so.
    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalEndsTheFullScreenReviewAndSaysSo(signal: Int32) throws {
        let blether = BletherProcess(home: home)
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: "1\nGàidhlig\n:quit\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let command = "\(BletherProcess.binary.path) review \(id); echo \"blether ended with $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*echo' | sed 's/^/terminal /'; sleep 600"
        let terminal = try TmuxTerminal(command: command,
                                        environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25", "BLETHER_HOME": home.path,
                                                      "TERM": "tmux-256color", "BLETHER_PASSPHRASE_FILE": blether.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!])
        #expect(try terminal.waitFor("Your record — Morag Campbell"), "\(terminal.lastScreen)")
        // The worker's passphrase half typed when the signal comes: never tried, never kept.
        try terminal.press("F10")
        #expect(try terminal.waitFor("Leaving your record"))
        try terminal.type("half a pass")
        let shell = try terminal.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        let pid = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        kill(pid, signal)
        #expect(try terminal.waitFor("blether ended with 1"), "\(terminal.lastScreen)")
        #expect(try terminal.waitFor("terminal echo"), "the terminal is given back, echo on: \(terminal.lastScreen)")
        #expect(terminal.lastScreen.contains("The review ended without the worker's passphrase."), "\(terminal.lastScreen)")
        #expect(!terminal.lastScreen.contains("Your record —"), "the full screen is gone")
        let audit = try blether.run(["audit", id]).output
        #expect(audit.contains("review-opened") && audit.contains("review-ended-without-passphrase"), "\(audit)")
        #expect(!audit.contains("review-closed") && !audit.contains("passphrase-wrong"), "a passphrase cut short is not tried")
    }

    @Test func inPlainModeTooThePersonAddsTheirWordsAndTheWorkerSeesThem() throws {
        let blether = BletherProcess(home: home)
        let first = try blether.run(["--plain", "new", "--person", "Iain"], input: "1\n:quit\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let review = try blether.run(["--plain", "review", id],
                                     input: "c\nI go to the day centre on Mondays.\u{1B}[31m\n\(BletherProcess.passphrase)\n\nq\nwrong guess\nq\n\(BletherProcess.passphrase)\n")
        #expect(review.status == 0)
        #expect(review.output.contains("Blether is reading from a script, not a keyboard: when the script ends, this review ends too"))
        #expect(review.output.contains("A line was the worker's passphrase, so it was left out and not saved; any other words are saved."), "the worker forgot the words were still open")
        #expect(review.output.contains("Thank you. Your words are saved"))
        #expect(review.output.contains("That is not the worker's passphrase, so the record stays open."))
        let resumed = try blether.run(["--plain", "resume", id], input: ":quit\n")
        #expect(resumed.output.contains("Iain added 1 comment while reading their record:"))
        #expect(resumed.output.contains("“I go to the day centre on Mondays.[31m”"), "escape characters never reach the worker's terminal")
        #expect(!resumed.output.contains("\u{1B}"))
        #expect(!resumed.output.contains(BletherProcess.passphrase), "the passphrase is never among the person's words")
        let abandoned = try blether.run(["--plain", "review", id], input: "\n")
        #expect(abandoned.status == 1)
        #expect(abandoned.errors.contains("The review ended without the worker's passphrase."))
        #expect(try blether.run(["audit", id]).output.contains("review-ended-without-passphrase"))
    }
}

/// A screen's words as a reader takes them in, so a sentence can be looked for however it wraps:
/// each row's right-hand pane (after the section list's rule, when there is one), trimmed, the
/// rows joined by a space.
func read(_ screen: String) -> String {
    screen.split(separator: "\n").map { line in
        let pane = line.firstIndex(of: "│").map { line[line.index(after: $0)...] } ?? line[...]
        return pane.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }.joined(separator: " ")
}
