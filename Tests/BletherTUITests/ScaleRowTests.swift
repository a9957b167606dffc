import BletherApp
import BletherCore
import BletherForms
import BletherStore
import BletherTUI
import Foundation
import Testing

/// A `scale` question on the full screen: a row of numbers chosen with ← and → or a digit,
/// saved as a whole number, and shown as a point of its scale.
@Suite final class ScaleRowTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-tui-scale-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The scale-check fixture form, read by the form reader, with the English catalog and its words.
    static let library: FormLibrary = {
        let shipped = ContentLocation.shipped(executable: URL(fileURLWithPath: #filePath))
        let catalog = try! String(contentsOf: shipped.localesDirectory.appendingPathComponent("en-GB.yaml"), encoding: .utf8)
            + String(contentsOf: fixtures.appendingPathComponent("scale-check.words.yaml"), encoding: .utf8)
        let named = FileManager.default.temporaryDirectory.appendingPathComponent("blether-scale-\(UUID().uuidString)").appendingPathComponent("en-GB.yaml")
        try! FileManager.default.createDirectory(at: named.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! catalog.write(to: named, atomically: true, encoding: .utf8)
        return FormLibrary.load(formFiles: [fixtures.appendingPathComponent("scale-check.yaml")], catalogFiles: [named], isPartial: true)
    }()

    /// A new conversation on the fixture form, at its first question.
    func started(columns: Int = 80, rows: Int = 24) throws -> (app: FullScreenApp, store: ConversationStore, id: String) {
        let store = try ConversationStore.open(directory: directory, key: TUIFixture.key)
        let app = try FullScreenApp(library: Self.library, catalog: try #require(Self.library.catalog(language: "en-GB")), language: "en-GB",
                                    store: store, size: (columns, rows), clock: TUIFixture.clock)
        try app.start(form: try #require(Self.library.latestForm(id: "scale-check")), person: "Morag Campbell")
        return (app, store, try #require(app.conversation?.summary.id))
    }

    @Test func theRowAtBothSizes() throws {
        for (columns, rows) in [(80, 24), (120, 40)] {
            let (app, _, _) = try started(columns: columns, rows: rows)
            for key: Key in [.character("3"), .right, .right, .right, .left] { app.handle(key) }
            try expectSnapshot(app.render(), named: "widget-scale-\(columns)x\(rows)-en-GB")
        }
    }

    /// The widest scale, 0 to 10, still fits the narrowest pane.
    @Test func theWidestRowFitsTheNarrowestScreen() throws {
        let (app, _, _) = try started()
        for key: Key in [.character("4"), .tab, .end] { app.handle(key) }
        try expectSnapshot(app.render(), named: "widget-scale-0-to-10-80x24-en-GB")
    }

    @Test func arrowsAndDigitsChooseAndEnterSaves() throws {
        let (app, store, id) = try started()
        app.handle(.right)                                   // nothing chosen: → takes the lowest
        #expect(app.conversation?.editor == .numbers(NumberRow(points: 1...5, chosen: 1)))
        app.handle(.character("9"))                          // not on the scale: nothing changes, and it says why
        #expect(app.conversation?.editor == .numbers(NumberRow(points: 1...5, chosen: 1)))
        #expect(readText(app.render()).contains("“9” is not on this scale. Choose a number from 1 to 5."))
        for key: Key in [.end, .left, .character("y"), .enter] { app.handle(key) }   // 5, then 4; a letter chooses nothing
        let form = try #require(Self.library.latestForm(id: "scale-check"))
        #expect(try store.restore(id: id, form: form).answers["how-well"]?.value == .number(4))
        // The next scale runs from 0 to 10: 0 is 0 there, and Backspace clears the choice.
        app.handle(.character("0"))
        #expect(app.conversation?.editor == .numbers(NumberRow(points: 0...10, chosen: 0)))
        app.handle(.backspace)
        #expect(app.conversation?.editor == .numbers(NumberRow(points: 0...10, chosen: nil)))
        // Back on the first question, its saved answer is chosen on the row, and shown in words on the next.
        app.handle(.backTab)
        #expect(app.conversation?.editor == .numbers(NumberRow(points: 1...5, chosen: 4)))
        app.handle(.tab)
        #expect(app.render().text.contains("4 (of 1–5)"))
    }

    @Test func zeroChoosesTenOnAScaleWithoutZero() {
        var row = NumberRow(points: 1...10, chosen: nil)
        row.handle(.character("0"))
        #expect(row.chosen == 10)
        row.handle(.right)
        #expect(row.chosen == 10)
        row.handle(.home)
        #expect(row.chosen == 1)
        row.handle(.left)
        #expect(row.chosen == 1)
    }

    @Test func theReadBackShowsThePointOfTheScale() throws {
        let form = try #require(Self.library.latestForm(id: "scale-check"))
        var session = Session(form: form)
        _ = try session.handle(.answer(question: "how-well", value: .number(4)), at: TUIFixture.clock())
        _ = try session.handle(.answer(question: "effort", value: .number(0)), at: TUIFixture.clock())
        let words = ConversationWording(catalog: try #require(Self.library.catalog(language: "en-GB")), form: form)
        let text = ReadBackSummary(session: session, words: words, person: "Morag").text
        #expect(text.contains("  How well is this outcome being met?\n    4 (of 1–5)\n"), "\(text)")
        #expect(text.contains("  How much effort did it take?\n    0 (of 0–10)\n"))
        // Off the scale, the engine refuses it, whichever face sent it.
        #expect(throws: SessionRefusal.invalidAnswer(question: "how-well", problem: .wrongKind)) {
            _ = try session.handle(.answer(question: "how-well", value: .number(6)), at: TUIFixture.clock())
        }
    }
}
