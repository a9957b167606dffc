import BletherApp
import BletherCore
import BletherStore
import BletherTUI
import Foundation
import GRDB
import Testing

/// The runner meeting a store that will not take a change: the screen is as it was before
/// the change and says why; words typed into a box are kept; nothing is lost once the store
/// takes changes again.
@Suite struct FullScreenAppStoreFailureTests {
    /// Makes the store refuse every new row of `table` until `release` is called.
    private func refuse(_ table: String, in fixture: TUIFixture) throws -> () throws -> Void {
        let queue = try DatabaseQueue(path: fixture.directory.appendingPathComponent(ConversationStore.fileName).path)
        try queue.write { db in
            try db.execute(sql: "CREATE TRIGGER refuseForTest BEFORE INSERT ON \(table) BEGIN SELECT RAISE(ABORT, 'the disk is full'); END")
        }
        return { try queue.write { db in try db.execute(sql: "DROP TRIGGER refuseForTest") } }
    }

    @Test func anAnswerThatCannotBeSavedIsNotShownAsGivenAndCanBeGivenAgain() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        let question = try #require(fixture.app.conversation?.session.currentQuestion)
        let release = try refuse("answer", in: fixture)
        fixture.type("13")
        fixture.press(.tab)
        #expect(fixture.screen.contains("the disk is full"))
        #expect(fixture.app.conversation?.session.answers[question.id] == nil)
        #expect(fixture.app.conversation?.session.cursor == .question(question.id))

        try release()
        fixture.type("13")
        fixture.press(.tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers[question.id] != nil)
        #expect(fixture.app.conversation?.session.answers[question.id] != nil)
    }

    @Test func aNoteOnAnEmptySectionThatCannotBeSavedStaysInItsBox() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        let section = try #require(fixture.fixtureForm.section(id: "hopes"))
        fixture.highlightSection(section.id, of: fixture.fixtureForm)
        fixture.press(.enter)
        let release = try refuse("sectionMark", in: fixture)
        fixture.press(.function(4))
        fixture.type("Talked it through")
        fixture.press(.enter)
        guard case .nothingHere(let ask)? = fixture.app.overlay else {
            Issue.record("the box closed: \(fixture.screen)")
            return
        }
        #expect(ask.note.text == "Talked it through")
        #expect(ask.problem?.contains("the disk is full") == true)
        #expect(fixture.app.conversation?.session.marks[section.id] == nil)

        try release()
        fixture.press(.enter)
        #expect(fixture.app.overlay == nil)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).marks[section.id]?.note == "Talked it through")
    }
}
