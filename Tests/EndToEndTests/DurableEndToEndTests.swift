import BletherCore
import BletherForms
import BletherStore
import Foundation
import Testing

/// Every saved answer survives, checked from outside the process: a list item accepted in
/// plain mode outlives SIGKILL, each answer is synced to disk before the next prompt, and
/// keys the terminal description does not know never wipe or pollute an answer.
@Suite(.serialized) final class DurableEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-durable-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: home) }
    var blether: BletherProcess { BletherProcess(home: home) }
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!

    // MARK: Plain mode: a list killed part-way

    @Test func peopleAcceptedBeforeAKillAreThereOnResume() throws {
        let running = try blether.start(["--plain", "new", "--person", "Iain MacLeod"])
        #expect(running.wait { $0.contains("[the person] > ") })
        running.type(":jump 4")
        #expect(running.wait { $0.contains("Item 1") && $0.hasSuffix("Name: ") }, "\(running.output)")
        for line in ["Ann", "daughter", "shopping", "visits twice a week", "Jim", "neighbour", "", ""] { running.type(line) }
        // The third person's name is being asked for: the first two have been accepted.
        #expect(running.wait { $0.contains("Item 3") && $0.hasSuffix("Name: ") }, "\(running.output)")
        running.type("Su")
        running.killHard()

        let id = try #require(running.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let session = try blether.openStore().restore(id: id, form: form)
        #expect(session.answers["people"]?.value == .people([
            PersonEntry(name: "Ann", relationship: "daughter", doesNow: "shopping", willingAndAble: "visits twice a week"),
            PersonEntry(name: "Jim", relationship: "neighbour"),
        ]), "before, the whole list was lost with the process")

        let resumed = try blether.run(["--plain", "resume", id], input: ":quit\n")
        #expect(resumed.status == 0)
        #expect(resumed.output.contains("2 people on the list:"), "\(resumed.output)")
        #expect(resumed.output.contains("1. Ann, daughter") && resumed.output.contains("2. Jim, neighbour"))
    }

    // MARK: Full sync, seen from outside

    static var canTrace: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        probe.arguments = ["-f", "-o", "/dev/null", "/bin/true"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test(.enabled(if: DurableEndToEndTests.canTrace, "strace is missing or cannot trace a child process here (.ci/run installs strace)"))
    func anAcceptedAnswerReachesTheDiskBeforeTheNextPrompt() throws {
        let trace = home.deletingLastPathComponent().appendingPathComponent(home.lastPathComponent + "-strace.txt")
        defer { try? FileManager.default.removeItem(at: trace) }
        let running = try blether.start(["--plain", "new", "--person", "Morag Campbell"],
                                        under: ["/usr/bin/strace", "-f", "-s", "120", "-e", "trace=read,write,fsync,fdatasync", "-o", trace.path])
        #expect(running.wait { $0.contains("1.1 Who is here") && $0.hasSuffix("[the person] > ") }, "\(running.output)")
        running.type("1,3")
        #expect(running.wait { $0.contains("1.2 Which language") && $0.hasSuffix("[the person] > ") }, "\(running.output)")
        running.type(":quit")
        #expect(running.endInputAndWait() == 0)

        let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        let answered = try #require(lines.firstIndex { $0.contains(#"read(0, "1,3\n""#) }, "the answer was read from standard input")
        let nextPrompt = try #require(lines[answered...].firstIndex { $0.contains("write(1, ") }, "something was printed after the answer")
        let syncs = lines[answered..<nextPrompt].filter { $0.contains("fdatasync(") || $0.contains("fsync(") }
        #expect(!syncs.isEmpty, "no fsync or fdatasync between reading the answer and printing the next prompt:\n\(lines[answered...nextPrompt].joined(separator: "\n"))")
    }

    // MARK: Keys in a real terminal

    /// Under each common terminal description, in tmux (which sends Ctrl-Left as ESC[1;5D,
    /// Home as ESC[1~, End as ESC[4~): word motion and End work, an unknown sequence adds
    /// nothing, Esc asks before throwing typed text away, and the answer saved is the text.
    @Test(.enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"),
          arguments: ["screen-256color", "tmux-256color", "xterm-256color"])
    func keysTheTerminalDescriptionLacksNeverWipeOrPolluteAnAnswer(term: String) throws {
        let blether = self.blether
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: "1\n:quit\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        // No ESCDELAY: Blether's own short wait after Escape is what a worker meets.
        let terminal = try TmuxTerminal(command: "\(BletherProcess.binary.path) resume \(id); echo \"blether ended with $?\"; sleep 600",
                                        environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "BLETHER_HOME": home.path, "TERM": term,
                                                      "BLETHER_PASSPHRASE_FILE": blether.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!])
        #expect(try terminal.waitFor { $0.contains("1.2 Which language would you like to use?") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        try terminal.type("Scots Gaelic")
        #expect(try terminal.waitFor("Scots Gaelic"))
        try terminal.press("C-Left")
        try terminal.type("and ")
        #expect(try terminal.waitFor("Scots and Gaelic"), "Ctrl-Left moves back a word under \(term): \(terminal.lastScreen)")
        try terminal.press("Home")
        try terminal.type("Old ")
        try terminal.press("End")
        try terminal.type("\u{1B}[1;9X")
        try terminal.type("!")
        #expect(try terminal.waitFor("Old Scots and Gaelic!"), "Home, End and an unknown sequence under \(term): \(terminal.lastScreen)")
        #expect(!terminal.lastScreen.contains("[1;9X"))

        try terminal.press("Escape")
        #expect(try terminal.waitFor("Discard the changes to this answer?"), "\(terminal.lastScreen)")
        try terminal.press("n")
        #expect(try terminal.waitFor { !$0.contains("Discard the changes") && $0.contains("Old Scots and Gaelic!") }, "\(terminal.lastScreen)")
        try terminal.press("Tab")
        #expect(try terminal.waitFor { $0.contains("1.3 How can we best talk together?") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        try terminal.press("C-c")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")

        let session = try blether.openStore().restore(id: id, form: form)
        #expect(session.answers["language"]?.value == .text("Old Scots and Gaelic!"), "before, the sequence was saved as text or the answer wiped")
    }
}
