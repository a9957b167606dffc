import BletherCore
import BletherStore
import BletherTUI
import Foundation
import Testing

/// Keys that must never stand for the person's word: typing on a choice list, and a read-back
/// opened and closed before it was read.
@Suite struct AgreementKeysTests {
    @Test func typingWordsOnAChoiceListChoosesNothing() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        #expect(fixture.screen.contains("1.1 Who has come today?"), "\(fixture.screen)")
        // "I agree": the space after a letter is part of the words, not Space on the highlighted row.
        fixture.type("I agree")
        #expect(fixture.screen.contains("Typing does not choose"), "\(fixture.screen)")
        #expect(!fixture.screen.contains("— chosen"))
        fixture.press(.tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["present"] == nil, "nothing was saved")
        fixture.press(.backTab)
        fixture.type("hello!")
        fixture.press(.character(" "), .tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["present"] == nil)
        // Space on its own, or a choice's number, still chooses.
        fixture.press(.backTab, .down, .character(" "), .character("1"), .tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["present"]?.value == .choices(["person", "carer"], other: nil))
    }

    @Test func everyChoiceListTakesTypingAsTyping() throws {
        var list = ChoiceList(choices: [("agrees", "I agree"), ("does-not-agree", "I do not agree")], multiple: false, allowsOther: false, otherLabel: "")
        for character in "I agree" { list.handle(.character(character)) }
        #expect(list.isTyping && list.value == .success(.choice(nil, other: nil)))
        list.handle(.down)
        list.handle(.character(" "))
        #expect(!list.isTyping && list.value == .success(.choice("does-not-agree", other: nil)), "moving ends the typing; Space chooses")

        // The same list on the new-conversation screen: who is here is not chosen by typing.
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        fixture.press(.enter, .tab)
        fixture.type("Morag Campbell")
        fixture.press(.tab)
        fixture.type("I agree")
        #expect(fixture.screen.contains("Typing does not choose"), "\(fixture.screen)")
        #expect(fixture.screen.contains("1. The person themselves") && !fixture.screen.contains("1. The person themselves — chosen"), "\(fixture.screen)")
        #expect(fixture.screen.components(separatedBy: "— chosen").count == 2, "only the form is chosen: \(fixture.screen)")
    }
}
