import BletherApp
import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import BletherTUI
import BletherTestSupport
import Foundation
import Testing

/// A full-screen app on a scratch store with a fixed clock, for driving with keys.
final class TUIFixture {
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    /// The fixture form (Fixtures/forms/tui-fixture.yaml), its rules, and its words added to the
    /// shipped English catalog: for unit tests that walk a form by keys, so that a change to the
    /// shipped form's order or wording cannot break them.
    static let fixtureLibrary: FormLibrary = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let fixtures = here.appendingPathComponent("Fixtures")
        let shipped = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("locales/en-GB.yaml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-tui-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // The fixture's words go at the end of the catalog, inside its last group, `forms:`.
        let catalog = directory.appendingPathComponent("en-GB.yaml")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try! (String(contentsOf: shipped, encoding: .utf8) + String(contentsOf: fixtures.appendingPathComponent("locales/en-GB.yaml"), encoding: .utf8))
            .write(to: catalog, atomically: true, encoding: .utf8)
        let library = FormLibrary.load(formFiles: [fixtures.appendingPathComponent("forms/tui-fixture.yaml")], catalogFiles: [catalog],
                                       costingFiles: [fixtures.appendingPathComponent("forms/costing/fixture-rates.yaml")], isPartial: true)
        precondition(library.problems.isEmpty && library.latestForm(id: "tui-fixture") != nil,
                     "the TUI fixture form does not load: \(library.problems.map(\.description))")
        return library
    }()
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-tui-\(UUID().uuidString)")
    let store: ConversationStore
    private(set) var app: FullScreenApp
    let language: String
    /// The forms and words the app runs with: the shipped ones, or the fixture form's.
    let library: FormLibrary
    /// 28 November 2026, 10:30 local time, so snapshots do not change with the day.
    static let clock: @Sendable () -> Date = {
        var components = DateComponents(year: 2026, month: 11, day: 28, hour: 10, minute: 30)
        components.calendar = Calendar.current
        return components.date!
    }

    init(language: String = "en-GB", columns: Int = 80, rows: Int = 24, settings: DisplaySettings = DisplaySettings(),
         library: FormLibrary = TUIFixture.library) throws {
        store = try ConversationStore.open(directory: directory, key: TUIFixture.key)
        self.language = language
        self.library = library
        app = try FullScreenApp(library: library, catalog: library.catalog(language: language)!, language: language,
                                store: store, size: (columns, rows), settings: settings, clock: TUIFixture.clock)
        app.trustedKeys = { [TUIFixture.key.identity] }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The program started afresh on the same store, at its home.
    func restart() throws {
        app = try FullScreenApp(library: library, catalog: library.catalog(language: language)!, language: language,
                                store: store, size: (app.columns, app.rows), settings: app.settings, clock: TUIFixture.clock)
        app.trustedKeys = { [TUIFixture.key.identity] }
    }

    var adultForm: Form { TUIFixture.library.latestForm(id: "adult-good-conversation")! }

    /// The fixture form (in ``fixtureLibrary``).
    var fixtureForm: Form { TUIFixture.fixtureLibrary.latestForm(id: "tui-fixture")! }

    /// The section list (F2) with `section` highlighted, found by id rather than by counting.
    func highlightSection(_ section: String, of form: Form) {
        press(.function(2), .home)
        for _ in 0..<(form.sectionIndex(id: section) ?? 0) { press(.down) }
    }

    /// Types text, a character at a time.
    func type(_ text: String) {
        for character in text { app.handle(.character(character)) }
    }

    func press(_ keys: Key...) {
        for key in keys { app.handle(key) }
    }

    /// A conversation started and opened, as from the home screen.
    @discardableResult
    func startConversation(person: String = "Morag Campbell", form: Form? = nil) throws -> String {
        try app.start(form: form ?? adultForm, person: person)
        return app.conversation!.summary.id
    }

    var screen: String { app.render().text }

    /// The screen's words as a reader takes them in: ``readText(_:)``.
    var read: String { readText(app.render()) }
}

/// Compares a grid with `Snapshots/<name>.txt`. A missing reference fails the test and is not
/// written; `BLETHER_UPDATE_SNAPSHOTS=1` writes the references afresh, to be looked at.
func expectSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    var text = grid.text + "\n"
    if let cursor = grid.screenCursor { text += "[cursor \(cursor.row),\(cursor.column)]\n" }
    switch try ReferenceFile(url).check(text) {
    case .matches, .written: break
    case .missing:
        Issue.record("Snapshots/\(name).txt is missing: look at the screen, then write it with BLETHER_UPDATE_SNAPSHOTS=1\n\(text)",
                     sourceLocation: sourceLocation)
    case .differs(let expected):
        #expect(text == expected, "screen differs from Snapshots/\(name).txt:\n\(text)", sourceLocation: sourceLocation)
    }
}

/// A screen's words as a reader takes them in, so a sentence can be looked for however it wraps:
/// each row's right-hand pane (after the section list's rule, when there is one), trimmed, the
/// rows joined by a space.
func readText(_ grid: CellGrid) -> String {
    grid.text.split(separator: "\n").map { line in
        let pane = line.firstIndex(of: "│").map { line[line.index(after: $0)...] } ?? line[...]
        return pane.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }.joined(separator: " ")
}
