import BletherCore
import BletherTUI
import Testing

/// Esc never throws typed text away on one key press: on a changed answer or item it asks
/// first, and "n" (or Esc again) keeps every character.
@Suite struct EscapeConfirmTests {
    @Test func escapeOnChangedTextAsksAndNoKeepsIt() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.tab)
        fixture.type("Scots Gaelic")
        fixture.press(.escape)
        #expect(fixture.screen.contains("Discard the changes to this answer?"))
        #expect(fixture.screen.contains("Y yes · N or Esc no"))
        fixture.press(.character("n"))
        #expect(!fixture.screen.contains("Discard the changes"))
        guard case .line(let field)? = fixture.app.conversation?.editor else { Issue.record("not on a one-line answer"); return }
        #expect(field.text == "Scots Gaelic")
        // Esc in the question itself means "no" too.
        fixture.press(.escape, .escape)
        fixture.type("!")
        fixture.press(.tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["nickname"]?.value == .text("Scots Gaelic!"))
    }

    @Test func escapeOnAnUnchangedAnswerAsksNothing() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.tab)
        fixture.type("Doric")
        fixture.press(.tab, .backTab)
        fixture.press(.escape)
        #expect(!fixture.screen.contains("Discard the changes"), "the saved answer is what is shown: nothing to lose")
        fixture.type("x")
        fixture.press(.backspace, .escape)
        #expect(!fixture.screen.contains("Discard the changes"), "typed and removed again is unchanged")
    }

    @Test func escapeOnAChangedChoiceAsksAndYesRestoresTheSavedOne() throws {
        let fixture = try TUIFixture(library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.press(.character("1"), .tab, .backTab)
        fixture.press(.character("2"), .escape)
        #expect(fixture.screen.contains("Discard the changes to this answer?"))
        fixture.press(.character("y"), .tab)
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["present"]?.value == .choices(["person"], other: nil))
    }

    @Test func escapeOnATypedListItemAsksBeforeClosingIt() throws {
        let fixture = try TUIFixture(columns: 120, rows: 40, library: TUIFixture.fixtureLibrary)
        let id = try fixture.startConversation(form: fixture.fixtureForm)
        fixture.highlightSection("circle", of: fixture.fixtureForm)
        fixture.press(.enter, .enter)
        fixture.press(.escape)
        #expect(!fixture.screen.contains("Discard what was typed"), "an empty item form closes at once")
        fixture.press(.enter)
        fixture.type("Ann")
        fixture.press(.escape)
        #expect(fixture.screen.contains("Discard what was typed for this item?"))
        fixture.press(.character("n"))
        fixture.press(.tab)
        fixture.type("daughter")
        fixture.press(.control("s"))
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["circle-people"]?.value == .people([PersonEntry(name: "Ann", relationship: "daughter")]))
        fixture.press(.up, .enter)
        fixture.type(" Ross")
        fixture.press(.escape, .character("y"))
        #expect(!fixture.screen.contains("Ann Ross"))
        #expect(fixture.screen.contains("1. Ann — daughter"))
        #expect(try fixture.store.restore(id: id, form: fixture.fixtureForm).answers["circle-people"]?.value == .people([PersonEntry(name: "Ann", relationship: "daughter")]))
    }
}
