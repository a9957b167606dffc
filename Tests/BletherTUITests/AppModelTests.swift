import BletherApp
import BletherCore
import BletherTUI
import Foundation
import Testing

/// The full-screen model on its own, without the runner: a key changes the value and asks
/// for work; nothing reaches the disk until the runner does it; a save that fails leaves the
/// screen as it was.
@Suite struct AppModelTests {
    @Test func anAnswerIsWorkForTheRunnerAndAFailedSaveLeavesTheScreenAsItWas() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        var model = fixture.app.model
        for key in "12" { _ = model.update(.character(key), at: TUIFixture.clock()) }
        let commands = model.update(.tab, at: TUIFixture.clock())

        let save = try #require(commands.compactMap { if case .save(let save) = $0 { save } else { nil } }.first)
        #expect(save.conversation == id)
        #expect(save.firstChange)
        #expect(model.conversation?.session.answers["present"]?.value == .choices(["person", "carer"], other: nil))
        // The model touched nothing: the store has not heard of the answer.
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["present"] == nil)

        _ = model.receive(.saveFailed(problem: ShownProblem("The disk is full."), save: save), at: TUIFixture.clock())
        #expect(model.conversation?.session.answers["present"] == nil)
        #expect(model.conversation?.session.cursor == .question("present"))
        #expect(model.render().text.contains("The disk is full."))
        // The next change is the first again, so the audit log still hears of it once.
        for key in "12" { _ = model.update(.character(key), at: TUIFixture.clock()) }
        let again = model.update(.tab, at: TUIFixture.clock()).compactMap { if case .save(let save) = $0 { save } else { nil } }
        #expect(again.first?.firstChange == true)
    }

    @Test func openingAConversationFromTheHomeIsAskedForNotDone() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        try fixture.restart()
        var model = fixture.app.model
        _ = model.update(.down, at: TUIFixture.clock())
        let commands = model.update(.enter, at: TUIFixture.clock())
        guard case .open(let opened, let answer)? = commands.first, commands.count == 1 else {
            Issue.record("expected one command to open the conversation, got \(commands)")
            return
        }
        #expect(opened == id)
        #expect(answer == nil)
        #expect(model.conversation == nil)
    }

    @Test func drawingReadsAndNeverChangesWhatIsShown() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        _ = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.type("12")
        let model = fixture.app.model
        let first = model.render().text
        #expect(model.render().text == first)
        #expect(fixture.app.render().text == first)
    }
}
