import BletherApp
import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import BletherTUI
import Foundation
import Testing

/// A full-screen app on a scratch store with a fixed clock, for driving with keys.
final class TUIFixture {
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-tui-\(UUID().uuidString)")
    let store: ConversationStore
    private(set) var app: FullScreenApp
    let language: String
    /// 28 November 2026, 10:30 local time, so snapshots do not change with the day.
    static let clock: @Sendable () -> Date = {
        var components = DateComponents(year: 2026, month: 11, day: 28, hour: 10, minute: 30)
        components.calendar = Calendar.current
        return components.date!
    }

    init(language: String = "en-GB", columns: Int = 80, rows: Int = 24, settings: DisplaySettings = DisplaySettings()) throws {
        store = try ConversationStore.open(directory: directory, key: TUIFixture.key)
        self.language = language
        app = try FullScreenApp(library: TUIFixture.library, catalog: TUIFixture.library.catalog(language: language)!, language: language,
                                store: store, size: (columns, rows), settings: settings, clock: TUIFixture.clock)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The program started afresh on the same store, at its home.
    func restart() throws {
        app = try FullScreenApp(library: TUIFixture.library, catalog: TUIFixture.library.catalog(language: language)!, language: language,
                                store: store, size: (app.columns, app.rows), settings: app.settings, clock: TUIFixture.clock)
    }

    var adultForm: Form { TUIFixture.library.latestForm(id: "adult-good-conversation")! }

    /// Types text, a character at a time.
    func type(_ text: String) {
        for character in text { app.handle(.character(character)) }
    }

    func press(_ keys: Key...) {
        for key in keys { app.handle(key) }
    }

    /// A conversation started and opened, as from the home screen.
    @discardableResult
    func startConversation(person: String = "Morag Campbell") throws -> String {
        try app.start(form: adultForm, person: person)
        return app.conversation!.summary.id
    }

    var screen: String { app.render().text }
}

/// Compares a grid with `Snapshots/<name>.txt`; `BLETHER_UPDATE_SNAPSHOTS=1` writes it afresh.
/// A missing reference fails the test (and is written, to be looked at).
func expectSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = directory.appendingPathComponent(name + ".txt")
    var text = grid.text + "\n"
    if let cursor = grid.cursor { text += "[cursor \(cursor.row),\(cursor.column)]\n" }
    if ProcessInfo.processInfo.environment["BLETHER_UPDATE_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard FileManager.default.fileExists(atPath: url.path) else {
        // A missing reference fails: it is written for a person to look at, never taken on trust.
        try text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Snapshots/\(name).txt was missing; it has been written — look at it, and commit it if it is right", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "screen differs from Snapshots/\(name).txt:\n\(text)", sourceLocation: sourceLocation)
}
