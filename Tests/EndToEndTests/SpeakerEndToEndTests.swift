import BletherCore
import Foundation
import Testing

/// Who said it, in both faces of the real program: the speaker is shown beside the question
/// and switches to the worker on the worker's own questions; "nothing here" needs words.
extension FullScreenEndToEndTests {
    @Test func theSpeakerIsShownBesideTheQuestionAndFollowsTheForm() throws {
        // Plain mode up to the worker's question "has advocacy been offered?".
        let first = try BletherProcess(home: home).run(["--plain", "new", "--person", "Morag Campbell"], input: "1\nEnglish\n\n:quit\n")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description

        let terminal = try start("resume \(id)")
        #expect(try terminal.waitFor { screen in
            let lines = screen.split(separator: "\n").map(String.init)
            guard screen.contains("1.4 Has independent advice or advocacy been offered?"),
                  let at = lines.firstIndex(where: { $0.contains("— answering now") }), at + 1 < lines.count else { return false }
            return lines[at + 1].contains("Speaking now: the worker (summary)")
        }, "\(terminal.lastScreen)")
        try terminal.press("y", "Enter")
        #expect(try terminal.waitFor { $0.contains("1.5 Would you like an advocate? — answering now") && $0.contains("Speaking now: the person") },
                "\(terminal.lastScreen)")

        // The old path — F4 and "y" — no longer marks a step: it asks what was explored, and refuses no words.
        try terminal.press("F2", "Down", "Down", "Enter")
        #expect(try terminal.waitFor("3.1 What are you good at?"), "\(terminal.lastScreen)")
        try terminal.press("F4")
        #expect(try terminal.waitFor("What was talked about for “Strengths and assets”? A few words"), "\(terminal.lastScreen)")
        try terminal.press("y")
        #expect(try terminal.waitFor { $0.contains("Enter mark · Esc cancel") && !$0.contains("is marked as talked about") }, "\(terminal.lastScreen)")
        try terminal.press("BSpace", "Enter")
        #expect(try terminal.waitFor("Say in a few words what was talked about for"), "\(terminal.lastScreen)")
        try terminal.type("Cooking and the garden, done already")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("“Strengths and assets” is marked as talked about — nothing here."), "\(terminal.lastScreen)")
        try terminal.press("C-c")
        #expect(try terminal.waitFor("blether ended with"), "\(terminal.lastScreen)")

        let session = try BletherProcess(home: home).openStore().restore(id: id, form: form)
        #expect(session.answers["advocacy-offered"]?.speaker == .worker)
        #expect(session.marks["strengths"]?.note == "Cooking and the garden, done already")
        #expect(session.marks["strengths"]?.speaker == .person)
    }
}

extension PlainEndToEndTests {
    @Test func theOldNothingPathIsRefusedAndTheWordsAreKept() throws {
        let result = try blether.run(["--plain", "new", "--person", "Morag Campbell"],
                                     input: ":jump strengths\n:nothing\n\n:nothing\nCooking and the garden, done already\n:quit\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Say in a few words what was talked about for “Strengths and assets” before marking it talked about — nothing here."))
        #expect(result.output.contains("“Strengths and assets” is marked as talked about — nothing here."))
        let id = try #require(result.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        #expect(try BletherProcess(home: home).openStore().restore(id: id, form: form).marks["strengths"]?.note == "Cooking and the garden, done already")
    }
}
