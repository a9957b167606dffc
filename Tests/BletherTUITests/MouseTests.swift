import BletherApp
import BletherCore
import BletherTUI
import Testing

/// Clicks and the wheel do what keys do, where the terminal reports them; never needed.
@Suite struct MouseTests {
    /// The first row of the screen whose text contains `words`, and a column inside them.
    static func place(of words: String, in grid: CellGrid, after row: Int = 0) -> (row: Int, column: Int)? {
        for index in row..<grid.rows {
            let line = grid.line(index)
            if let range = line.range(of: words) {
                return (index, TextWidth.of(String(line[..<range.lowerBound])) + 1)
            }
        }
        return nil
    }

    func click(_ fixture: TUIFixture, on words: String) throws {
        guard let place = Self.place(of: words, in: fixture.app.render()) else {
            Issue.record("“\(words)” is not on screen:\n\(fixture.screen)")
            return
        }
        fixture.press(.mouse(MouseEvent(kind: .press, row: place.row, column: place.column)))
    }

    @Test func aClickOnAChoiceChoosesItAndASecondUnchoosesItWhereSeveralMayBeChosen() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        try fixture.startConversation()
        try click(fixture, on: "2. ")
        guard case .choices(let list)? = fixture.app.conversation?.editor else { Issue.record("not on a list"); return }
        #expect(list.chosen == [1])
        try click(fixture, on: "2. ")
        guard case .choices(let again)? = fixture.app.conversation?.editor else { return }
        #expect(again.chosen.isEmpty)
    }

    @Test func aClickOnASectionOpensItAsEnterInTheListDoes() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        try fixture.startConversation()
        try click(fixture, on: "3 Strengths")
        #expect(fixture.app.conversation?.session.currentSection?.id == "strengths")
        #expect(fixture.app.conversation?.sectionListFocus == nil)
    }

    @Test func aClickOnAnotherQuestionGoesThereSavingTheAnswerOnTheWay() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        try fixture.startConversation()
        fixture.press(.character("1"))
        try click(fixture, on: "1.2 ")
        let screen = try #require(fixture.app.conversation)
        #expect(screen.session.currentQuestion?.id == "language")
        #expect(screen.session.answers["present"] != nil, "the choice made before the click was saved")
        try click(fixture, on: "1.1 ")
        #expect(fixture.app.conversation?.session.currentQuestion?.id == "present")
    }

    @Test func aClickOnAQuestionStopsWhereADraftIsNotAnAnswerAndSaysWhy() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        try fixture.startConversation()
        fixture.press(.character("7"))   // "Something else", with no words said
        try click(fixture, on: "1.2 ")
        let screen = try #require(fixture.app.conversation)
        #expect(screen.session.currentQuestion?.id == "present")
        guard case .problem? = screen.message else { Issue.record("no problem said: \(fixture.screen)"); return }
    }

    @Test func theWheelScrollsTheHelpAndMovesThroughTheHomeList() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        fixture.press(.function(1))
        let top = fixture.screen
        fixture.press(.mouse(MouseEvent(kind: .wheelDown, row: 10, column: 10)))
        #expect(fixture.screen != top)
        fixture.press(.mouse(MouseEvent(kind: .wheelUp, row: 10, column: 10)))
        #expect(fixture.screen == top)
    }

    @Test func aClickUnderAnOverlayOrWithTheMouseOffDoesNothing() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        try fixture.startConversation()
        let place = try #require(Self.place(of: "3 Strengths", in: fixture.app.render()))
        fixture.press(.function(3))
        fixture.press(.mouse(MouseEvent(kind: .press, row: place.row, column: place.column)))
        #expect(fixture.app.conversation?.session.currentSection?.id == "about")

        let off = try TUIFixture(columns: 80, rows: 24, settings: DisplaySettings(mouse: false))
        try off.startConversation()
        off.press(.mouse(MouseEvent(kind: .press, row: place.row, column: place.column)))
        #expect(off.app.conversation?.session.currentSection?.id == "about")
    }

    @Test func aClickOnTheHomeListHighlightsThenOpens() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24)
        _ = try fixture.store.create(form: fixture.adultForm, person: "Iain MacLeod", language: "en-GB", at: TUIFixture.clock())
        try fixture.restart()
        try click(fixture, on: "Iain MacLeod")
        #expect(fixture.app.conversation == nil)
        try click(fixture, on: "Iain MacLeod")
        #expect(fixture.app.conversation?.summary.person == "Iain MacLeod")
    }
}
