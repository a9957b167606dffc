import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import Testing

/// What the person agreed to, and that it was read back, from outside the program: the old
/// ways round each rule, tried in a real terminal and in plain mode, and refused.
@Suite(.serialized) final class AgreementEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-agree-\(UUID().uuidString)")
    let advocateHome = FileManager.default.temporaryDirectory.appendingPathComponent("blether-agree-advocate-\(UUID().uuidString)")
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: advocateHome)
    }

    /// A conversation answered in plain mode up to "has the summary been read back?".
    func upToTheReadBack(_ blether: BletherProcess) throws -> String {
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-agreement.txt"), encoding: .utf8)
        let first = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: script)
        return try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
    }

    @Test(.enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
    func aGlanceAtTheReadBackIsNotAReadBackAndTypingChoosesNothing() throws {
        let blether = BletherProcess(home: home)
        let id = try upToTheReadBack(blether)
        let terminal = try TmuxTerminal(command: "\(BletherProcess.binary.path) resume \(id); echo \"blether ended with $?\"; sleep 600",
                                        environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25", "BLETHER_HOME": home.path,
                                                      "TERM": "tmux-256color", "BLETHER_PASSPHRASE_FILE": blether.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!])
        #expect(try terminal.waitFor { $0.contains("14.1 Has the summary been read back") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        // F7 and Esc at once: the summary was on screen for a moment, its first page only.
        try terminal.press("F7")
        #expect(try terminal.waitFor("What we have written together, for Morag Campbell"), "\(terminal.lastScreen)")
        try terminal.press("Escape", "1", "Tab")
        #expect(try terminal.waitFor("Problem: The summary was not read to the end."), "\(terminal.lastScreen)")
        // Every page, with the person: then "yes" is taken.
        try terminal.press("F7")
        #expect(try terminal.waitFor("What we have written together"), "\(terminal.lastScreen)")
        for _ in 0..<12 { try terminal.press("PageDown") }
        #expect(try terminal.waitFor("That is everything we have written."), "\(terminal.lastScreen)")
        try terminal.press("Escape", "1", "Tab")
        #expect(try terminal.waitFor { $0.contains("14.2 Do you agree with what we have written?") && $0.contains("answering now") }, "\(terminal.lastScreen)")
        // Words typed on the agreement list choose nothing, and Tab saves nothing.
        try terminal.type("hello")
        #expect(try terminal.waitFor("Typing does not choose"), "\(terminal.lastScreen)")
        try terminal.press("Tab")
        try terminal.type("I agree")
        try terminal.press("Tab", "C-c")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")

        let store = try blether.openStore()
        let session = try store.restore(id: id, form: form)
        #expect(session.answers["read-back"]?.value == .yesNo(true))
        #expect(session.answers["agreement"] == nil, "nothing was chosen by typing")
        let shown = try #require(session.shownTexts.notes[.summary])
        #expect(shown.complete && shown.language == "en-GB")
    }

    @Test func cannotIndicateNeedsAWitnessAndWaitsForACountersignature() throws {
        let worker = BletherProcess(home: home)
        let id = try upToTheReadBack(worker)
        // The summary is printed whole; "yes", then "cannot indicate": the witness must be named,
        // and "nobody else signs" is refused.
        let run = try worker.run(["--plain", "resume", id], input: "yes\n4\n\nJo Murray\nno\nAilsa Grant\n3\n2\nJo Murray\n:sign\n:quit\n")
        #expect(run.output.contains("14.5 Who witnessed the agreement? (required)"), "\(run.output.suffix(1500))")
        #expect(run.output.contains("This question needs an answer before its section is complete."))
        #expect(run.output.contains("an advocate or a witness must countersign the record"), "“nobody” is refused")
        #expect(run.output.contains("The record is signed: revision 1"), "\(run.output.suffix(800))")
        // Above the worker's limit the record is also referred: that, the more pressing, is what the list says.
        #expect(try worker.run(["list"]).output.contains("referred"))
        #expect(try worker.run(["verify", id]).output.contains("awaiting countersignature"))
        let copy = try worker.run(["export", id, "--format", "text"]).output.replacingOccurrences(of: "\n", with: " ")
        #expect(copy.contains("this record waits for an advocate or a witness to countersign it"), "\(copy)")

        // The worker's own signature does not count; an advocate's does.
        let advocate = BletherProcess(home: advocateHome, withKey: false)
        #expect(try advocate.run(["keys", "init", "--name", "Jo Advocate", "--role", "advocate"]).status == 0)
        let publicKey = advocateHome.appendingPathComponent("jo.json")
        try advocate.run(["keys", "show", "--json"]).output.write(to: publicKey, atomically: true, encoding: .utf8)
        #expect(try worker.run(["keys", "trust", publicKey.path]).status == 0)
        let counter = try worker.run(["countersign", id, "--key", advocateHome.appendingPathComponent("keys/signing-key.json").path,
                                      "--passphrase-file", advocate.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!])
        #expect(counter.status == 0, "\(counter.errors)")
        #expect(!(try worker.run(["export", id, "--format", "text"]).output.replacingOccurrences(of: "\n", with: " ").contains("waits for an advocate")))
        let verified = try worker.run(["verify", id])
        #expect(verified.status == 0 && !verified.output.contains("awaiting countersignature"), "\(verified.output)")
    }
}
