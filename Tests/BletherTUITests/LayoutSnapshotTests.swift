import BletherApp
import BletherCore
import BletherRecords
import BletherStore
import BletherTUI
import Foundation
import Testing

/// The screens with the longest words, at the smallest size (80×24), in English and Gaelic:
/// nothing is cut off, a screen with more than fits says so, and a problem is said under its
/// question with the cursor on the focus (issue 13). Each also states the behaviour it shows,
/// so a reader sees what the snapshot is for.
@Suite struct LayoutSnapshotTests {
    static let languages = ["en-GB", "gd", "ur"]

    func name(_ screen: String, _ language: String) -> String { "layout-\(screen)-80x24-\(language)" }

    /// A line of text as a language draws it, mirrored or not: what to look for on its screen.
    static func drawn(_ text: String, _ catalog: Catalog) -> String {
        var line = CellGrid(columns: 80, rows: 1, direction: LayoutDirection(catalog))
        line.write(text, row: 0, column: 0)
        return line.line(0).trimmingCharacters(in: .whitespaces)
    }

    /// A conversation with every question answered as the decision tests answer them, in `language`, then `events`.
    @discardableResult
    func answeredConversation(_ fixture: TUIFixture, language: String, then events: [SessionEvent]) throws -> String {
        let form = fixture.adultForm
        let summary = try fixture.store.create(form: form, person: "Morag Campbell", language: language, at: TUIFixture.clock())
        var session = try fixture.store.restore(id: summary.id, form: form)
        let chosen: [String: AnswerValue] = [
            "costing-rules": .choice("example-rate-card", other: nil), "chosen-option": .choice("option-1", other: nil),
            "support-plan": .supportPlan([SupportPlan.Line(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Choir")]),
            "decision": .choice("agreed", other: nil), "direct-payment-available": .yesNo(true), "countersign": .choice("nobody", other: nil),
        ]
        let answers = try TUIFixture.everyAnswer(of: form, chosen: chosen)
        let words = ConversationWording(catalog: TUIFixture.library.catalog(language: "en-GB")!, form: form)
        func show(_ kind: ShownText, _ text: String) {
            let note = ShownTextNote(language: "en-GB", sha256: ContentHash.sha256(text), firstShownAt: TUIFixture.clock(), seconds: 30, complete: true)
            _ = try? session.handle(.shown(kind, note), at: TUIFixture.clock())
        }
        for _ in 0..<3 { for event in answers { _ = try? session.handle(event, at: TUIFixture.clock()) } }
        show(.costing, try CostingRecord(costing: ConversationCosting(session: session)!, words: words, rulesSHA256: "0").explanation)
        for event in answers { _ = try? session.handle(event, at: TUIFixture.clock()) }
        show(.summary, ReadBackSummary(session: session, words: words, person: summary.person).text)
        for _ in 0..<2 { for event in answers { _ = try? session.handle(event, at: TUIFixture.clock()) } }
        for event in events { _ = try session.handle(event, at: TUIFixture.clock()) }
        try fixture.store.save([.saveCursor, .saveAgreedReadBack] + form.allQuestions.compactMap {
            session.answers[$0.id] == nil ? nil : .saveAnswer(question: $0.id)
        }, of: session, conversation: summary.id, at: TUIFixture.clock())
        try fixture.app.open(conversation: summary.id)
        return summary.id
    }


    /// The self-directed support options, whose statutory labels are long: each is read whole.
    @Test(arguments: languages)
    func selfDirectedSupportOptions(language: String) throws {
        let fixture = try TUIFixture(language: language)
        try answeredConversation(fixture, language: language, then: [.jump(section: "arranging-support"), .skip])
        let screen = fixture.screen
        #expect(fixture.app.conversation?.session.currentQuestion?.id == "chosen-option")
        #expect(!screen.contains("…"), "\(screen)")
        if language == "en-GB" {
            #expect(screen.contains("[x] 1. Option 1 — a direct payment; you\n") && screen.contains("arrange the support yourself —\n"), "\(screen)")
            #expect(screen.contains("[ ] 5. No choice made — this is recorded as\n"), "\(screen)")
        }
        try expectSnapshot(fixture.app.render(), named: name("sds-options", language))
    }

    /// The outcome editor: its question, each field's label and a long outcome, all wrapped from their start.
    @Test(arguments: languages)
    func outcomeEditor(language: String) throws {
        let fixture = try TUIFixture(language: language)
        let summary = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell", language: language, at: TUIFixture.clock())
        var session = try fixture.store.restore(id: summary.id, form: fixture.adultForm)
        try fixture.store.save(try session.handle(.jump(section: "outcomes"), at: TUIFixture.clock()), of: session, conversation: summary.id, at: TUIFixture.clock())
        try fixture.app.open(conversation: summary.id)
        fixture.press(.enter)
        let outcome = "Get to the choir in Portree every Thursday evening with my friend Jean, and home again by bus"
        fixture.type(outcome)
        let screen = fixture.screen
        #expect(!screen.contains("…"), "\(screen)")
        // The whole outcome is on screen, from its first word, wrapped over lines of the field.
        let shown = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains("Get to the choir in Portree"), "\(screen)")
        #expect(shown.contains("home again by bus"), "\(screen)")
        try expectSnapshot(fixture.app.render(), named: name("outcome-editor", language))
    }

    /// The home list with a conversation in every state: each state read whole, in its column.
    @Test(arguments: languages)
    func homeWithEveryState(language: String) throws {
        let catalog = try #require(TUIFixture.library.catalog(language: language))
        var model = AppModel(catalog: catalog, forms: TUIFixture.library.latestForms, size: (80, 24), contentHash: ContentHash.sha256)
        let people = ["Morag Campbell", "Iain MacLeod", "Catrìona NicDhòmhnaill-Stiùbhart", "李小梅 (Li Xiaomei)", "Seonaidh Moireasdan", "Ann Smith",
                      "Eilidh Rothach", "Donnchadh Bàn Mac an t-Saoir", "Peigi Nic a' Phearsain", "Jim Brown", "Kirsty Anderson",
                      "Ruairidh MacAoidh", "Mòrag NicLeòid", "Tormod Dòmhnallach", "Anna Wiśniewska", "Amir Hussain"]
        let states = ConversationState.allCases
        let conversations = people.enumerated().map { index, person in
            ConversationSummary(id: "c\(index)", formID: "adult-good-conversation", formVersion: 1, person: person, language: language,
                                state: states[index % states.count], createdAt: TUIFixture.clock(),
                                updatedAt: TUIFixture.clock().addingTimeInterval(Double(index) * -3600))
        }
        _ = model.receive(.home(conversations: conversations, unreadable: []), at: TUIFixture.clock())
        for _ in 0..<3 { _ = model.update(.down, at: TUIFixture.clock()) }
        let screen = model.render().text
        // Urdu is drawn in the order it is seen, mirrored: its snapshot shows the same.
        guard !LayoutDirection(catalog).isRightToLeft else { return try expectSnapshot(model.render(), named: name("home-states", language)) }
        // Every word of every state, however its column wraps it.
        for state in states {
            for word in catalog.conversationState(state).split(separator: " ") { #expect(screen.contains(word), "\(state): \(screen)") }
        }
        #expect(!screen.contains("…"), "\(screen)")
        // More people than fit: the list says so.
        #expect(screen.contains(catalog.text(.tuiMoreBelow, ["mark": "▼"])), "\(screen)")
        try expectSnapshot(model.render(), named: name("home-states", language))
    }

    /// At 1.6, walked to by keys, Enter before choosing: the problem is said under the question,
    /// above its choices, both choices ("2. no" too) stay in view, and the cursor rests on the
    /// focused choice; choosing "no" then goes on.
    @Test(arguments: languages)
    func problemUnderItsQuestion(language: String) throws {
        let fixture = try TUIFixture(language: language)
        try fixture.startConversation()
        fixture.press(.character("1"), .enter)
        fixture.type("English")
        fixture.press(.enter, .tab, .character("1"), .enter, .character("1"), .enter)
        #expect(fixture.app.conversation?.session.currentQuestion?.id == "consent-record")
        fixture.press(.enter)
        let grid = fixture.app.render()
        guard !LayoutDirection(fixture.app.catalog).isRightToLeft else {
            // Urdu is drawn in the order it is seen, mirrored: its snapshot shows the same place.
            return try expectSnapshot(grid, named: name("problem-under-question", language))
        }
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let problem = try #require(lines.firstIndex { $0.contains(fixture.app.catalog.text(.tuiProblem, ["message": ""]).trimmingCharacters(in: .whitespaces)) },
                                   "no problem said: \(grid.text)")
        // Under the question, in the content pane, above the key bar and the message row.
        #expect(problem < grid.rows - 3, "\(grid.text)")
        #expect(lines[problem].hasPrefix(" ") && lines[problem].contains("│"), "\(grid.text)")
        let no = try #require(lines.firstIndex { $0.contains("2. ") && $0.contains("│") }, "\(grid.text)")
        #expect(no > problem, "\(grid.text)")
        let cursor = try #require(grid.cursor)
        #expect(cursor.row > problem && cursor.row <= no, "cursor at \(cursor): \(grid.text)")
        try expectSnapshot(grid, named: name("problem-under-question", language))
        fixture.press(.character("n"), .enter)
        #expect(fixture.app.conversation?.session.answers["consent-record"]?.value == .yesNo(false))
    }

    /// The signing box says what is typed and that it signs, and shows the key's whole fingerprint:
    /// here a team leader deciding a referred budget with this laptop's own key.
    @Test(arguments: languages)
    func signBox(language: String) throws {
        let fixture = try TUIFixture(language: language)
        _ = try DecisionScreenTests().referredRecord(fixture)
        try fixture.restart()
        // A key made from fixed bytes, so the snapshot holds the same fingerprint every run.
        let identity = KeyIdentity(name: "Rhona Baird", role: .teamLeader, publicKey: Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString())
        fixture.app.signingKey = SigningKeyShown(name: identity.name, fingerprint: identity.fullFingerprint)
        fixture.app.deciding = FullScreenApp.Deciding { _ in "" }
        fixture.press(.down, .function(9), .character("1"), .function(9))
        fixture.type("secret")
        let screen = fixture.screen
        #expect(screen.contains(Self.drawn(fixture.app.catalog.text(.tuiSignTitle), fixture.app.catalog)), "\(screen)")
        // Every digit of the key id, in groups of four, however the box wraps them.
        let boxText = screen.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            return line[line.index(after: first)..<last].trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        if LayoutDirection(fixture.app.catalog).isRightToLeft {
            // Mirrored lines read from the right: each group of four, left to right, is there.
            for group in identity.fullFingerprint.split(separator: " ") { #expect(boxText.contains(group), "\(group): \(screen)") }
        } else {
            #expect(boxText.contains(identity.fullFingerprint), "\(screen)")
        }
        #expect(identity.fullFingerprint.count == 64 + 15)
        #expect(!screen.contains("secret"))
        try expectSnapshot(fixture.app.render(), named: name("sign-box", language))
    }

    /// F1 and two pages down: the help scrolls, and says there is more above and below.
    @Test(arguments: languages)
    func helpScrolled(language: String) throws {
        let fixture = try TUIFixture(language: language)
        fixture.press(.function(1), .pageDown, .down)
        let catalog = fixture.app.catalog
        let screen = fixture.screen
        #expect(screen.contains(Self.drawn(catalog.text(.tuiMoreAbove, ["mark": "▲"]), catalog)), "\(screen)")
        #expect(screen.contains(Self.drawn(catalog.text(.tuiMoreBelow, ["mark": "▼"]), catalog)), "\(screen)")
        try expectSnapshot(fixture.app.render(), named: name("help-scrolled", language))
    }
}

/// Scrolling that says there is more: the help in a 100×30 window, --ascii, and the end of it.
@Suite struct MoreSignTests {
    @Test func theHelpInAThirtyRowWindowSaysThereIsMore() throws {
        let fixture = try TUIFixture(columns: 100, rows: 30)
        fixture.press(.function(1))
        #expect(fixture.screen.contains("▼ more below"), "\(fixture.screen)")
        #expect(!fixture.screen.contains("▲ more above"))
        // At its end it stops there, says there is more above, and nothing below.
        for _ in 0..<20 { fixture.press(.pageDown) }
        #expect(fixture.screen.contains("Delete        in those lists: remove the item"), "\(fixture.screen)")
        #expect(fixture.screen.contains("▲ more above") && !fixture.screen.contains("▼ more below"), "\(fixture.screen)")
        // One page up comes straight back: the scroll did not run on past the end.
        fixture.press(.pageUp)
        #expect(fixture.screen.contains("▼ more below"), "\(fixture.screen)")
        fixture.press(.home)
        #expect(!fixture.screen.contains("▲ more above"), "\(fixture.screen)")
    }

    @Test func theDecisionsExplanationStopsAtItsEnd() throws {
        let fixture = try TUIFixture()
        _ = try DecisionScreenTests().referredRecord(fixture)
        try fixture.restart()
        fixture.press(.down, .function(9))
        #expect(fixture.screen.contains("▼ more below") && !fixture.screen.contains("▲ more above"), "\(fixture.screen)")
        for _ in 0..<30 { fixture.press(.pageDown) }
        #expect(fixture.screen.contains("▲ more above") && !fixture.screen.contains("▼ more below"), "\(fixture.screen)")
        // One page back up shows more below again: the scroll did not run on past the end.
        fixture.press(.pageUp)
        #expect(fixture.screen.contains("▼ more below"), "\(fixture.screen)")
    }

    @Test func asciiSaysItInASCII() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24, settings: DisplaySettings(asciiOnly: true))
        fixture.press(.function(1), .pageDown)
        #expect(fixture.screen.contains("^ more above") && fixture.screen.contains("v more below"), "\(fixture.screen)")
        #expect(!fixture.screen.contains("▲") && !fixture.screen.contains("▼"))
    }
}

/// Which rows a scrolled space shows, and when it says there is more.
@Suite struct ScrollWindowTests {
    @Test func whatFitsNeedsNoSign() {
        #expect(ScrollWindow.from(first: 3, total: 10, height: 10) == ScrollWindow(first: 0, count: 10, moreAbove: false, moreBelow: false))
    }

    @Test func theTopTheMiddleAndTheEnd() {
        #expect(ScrollWindow.from(first: 0, total: 30, height: 10) == ScrollWindow(first: 0, count: 9, moreAbove: false, moreBelow: true))
        #expect(ScrollWindow.from(first: 5, total: 30, height: 10) == ScrollWindow(first: 5, count: 8, moreAbove: true, moreBelow: true))
        #expect(ScrollWindow.from(first: 99, total: 30, height: 10) == ScrollWindow(first: 21, count: 9, moreAbove: true, moreBelow: false))
    }

    @Test func theFocusIsKeptWholeWhenItFits() {
        let window = ScrollWindow.around(total: 40, height: 10, keep: 20..<25)
        #expect(window.shown.contains(20) && window.shown.contains(24), "\(window)")
        #expect(window.moreAbove && window.moreBelow)
    }

    @Test func aFocusTallerThanTheSpaceKeepsTheCaret() {
        let window = ScrollWindow.around(total: 60, height: 10, keep: 10..<40, caret: 35)
        #expect(window.shown.contains(35), "\(window)")
        #expect(ScrollWindow.around(total: 60, height: 10, keep: 10..<40, caret: 10).first == 10)
    }
}

/// A row of numbers wider than its space goes on over a second line: no number is left out.
@Suite struct NumberRowWrapTests {
    @Test func everyNumberShowsInANarrowSpace() {
        var grid = CellGrid(columns: 30, rows: 4)
        let drawn = NumberRow(points: 0...10, chosen: 10).draw(into: &grid, row: 0, column: 0, width: 30, chosenWord: "chosen", focused: true)
        let text = grid.text
        let shown = text.split(whereSeparator: \.isWhitespace)
        for number in 0...9 { #expect(shown.contains("\(number)"), "\(number): \(text)") }
        #expect(text.contains("[10]") && text.contains("10 — chosen"), "\(text)")
        #expect(drawn.rows == 2 && drawn.caret.row == 1, "\(drawn): \(text)")
    }
}
