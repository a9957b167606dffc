import BletherApp
import BletherCore
import BletherTUI
import Testing

/// Urdu at 80×24: the layout mirrored (section list on the right, text aligned right, the key
/// bar read from the right), English words and Latin names kept whole, the editor in the
/// order the saved answer is shown.
@Suite struct RightToLeftSnapshotTests {
    func opened(_ fixture: TUIFixture, at section: String, events: [SessionEvent] = []) throws {
        let summary = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell Jr.", language: "ur", at: TUIFixture.clock())
        var session = try fixture.store.restore(id: summary.id, form: fixture.adultForm)
        for event in [.jump(section: section)] + events {
            try fixture.store.save(try session.handle(event, at: TUIFixture.clock()), of: session, conversation: summary.id, at: TUIFixture.clock())
        }
        try fixture.app.open(conversation: summary.id)
    }

    @Test func home() throws {
        let fixture = try TUIFixture(language: "ur", columns: 80, rows: 24)
        for (index, person) in ["Morag Campbell Jr.", "علی حسن", "李小梅 (Li Xiaomei)"].enumerated() {
            _ = try fixture.store.create(form: fixture.adultForm, person: person, language: "ur",
                                         at: TUIFixture.clock().addingTimeInterval(Double(index) * -3600))
        }
        let app = try FullScreenApp(library: TUIFixture.library, catalog: fixture.app.catalog, language: "ur", store: fixture.store,
                                    size: (80, 24), clock: TUIFixture.clock)
        app.handle(.down)
        try expectSnapshot(app.render(), named: "rtl-home-80x24-ur")
    }

    @Test func conversationWithAnEnglishAnswer() throws {
        let fixture = try TUIFixture(language: "ur", columns: 80, rows: 24)
        try opened(fixture, at: "about", events: [
            .answer(question: "present", value: .choices(["person", "family"], other: nil)), .skip,
            .answer(question: "language", value: .text("English, and some Urdu: اردو")), .skip,
            .answer(question: "communication", value: .text("She is kind and funny.")), .skip,
        ])
        let screen = fixture.screen
        #expect(screen.contains("She is kind and funny.") && !screen.contains(".She is kind"), "\(screen)")
        try expectSnapshot(fixture.app.render(), named: "rtl-conversation-80x24-ur")
    }

    @Test func longOptionLabels() throws {
        let fixture = try TUIFixture(language: "ur", columns: 80, rows: 24)
        try opened(fixture, at: "technology")
        try expectSnapshot(fixture.app.render(), named: "rtl-options-80x24-ur")
    }

    @Test func editorWithMixedText() throws {
        let fixture = try TUIFixture(language: "ur", columns: 80, rows: 24)
        try opened(fixture, at: "what-matters")
        fixture.type("میری بیٹی Morag ہے. She is kind and funny.")
        fixture.press(.enter)
        fixture.type("کوئر 12 بجے")
        try expectSnapshot(fixture.app.render(), named: "rtl-editor-80x24-ur")
        // Saved, it reads the same: nothing turns round. (The content pane is left of the section list.)
        func answerLines() -> [String] {
            fixture.screen.components(separatedBy: "\n").filter { $0.contains("She is kind and funny.") }
                .map { String($0.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces) }
        }
        let typed = answerLines()
        fixture.press(.tab)
        #expect(fixture.app.conversation?.session.answers["own-words"] != nil, "the answer was saved")
        // Read from the right: the Urdu sentence with its full stop at its end, then the English one with its own.
        #expect(typed == [".ےہ Morag یٹیب یریم She is kind and funny."] && answerLines() == typed,
                "typed \(typed), saved \(answerLines())")
    }
}
