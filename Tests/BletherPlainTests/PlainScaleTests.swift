import BletherCore
import BletherForms
import BletherPlain
import BletherRecords
import BletherStore
import Foundation
import Testing

/// A `scale` question in plain mode: the row of numbers and the kind's instruction, the
/// number typed saved as a whole number, a number off the scale refused with the instruction.
@Suite final class PlainScaleTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-plain-scale-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The scale-check fixture form, read by the form reader, with the English catalog and its words.
    static let library: FormLibrary = {
        let shipped = ContentLocation.shipped(executable: URL(fileURLWithPath: #filePath))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blether-scale-catalog-\(UUID().uuidString).yaml")
        let catalog = try! String(contentsOf: shipped.localesDirectory.appendingPathComponent("en-GB.yaml"), encoding: .utf8)
            + String(contentsOf: fixtures.appendingPathComponent("scale-check.words.yaml"), encoding: .utf8)
        let named = scratch.deletingLastPathComponent().appendingPathComponent(UUID().uuidString).appendingPathComponent("en-GB.yaml")
        try! FileManager.default.createDirectory(at: named.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! catalog.write(to: named, atomically: true, encoding: .utf8)
        return FormLibrary.load(formFiles: [fixtures.appendingPathComponent("scale-check.yaml")], catalogFiles: [named], isPartial: true)
    }()

    func run(_ lines: [String]) throws -> (text: String, saved: Session) {
        let form = try #require(Self.library.latestForm(id: "scale-check"))
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag", language: "en-GB", at: Date())
        let output = RecordedOutput()
        let words = ConversationWording(catalog: try #require(Self.library.catalog(language: "en-GB")), form: form)
        let plain = PlainConversation(session: try store.restore(id: summary.id, form: form), conversationID: summary.id, person: "Morag",
                                      store: store, words: words, input: ScriptedInput(lines), output: output)
        _ = try plain.run()
        return (output.text, try store.restore(id: summary.id, form: form))
    }

    @Test func theFixtureLoadsWithoutProblems() {
        #expect(Self.library.problems.map(\.description) == [])
    }

    @Test func aNumberTypedOnTheScaleIsSavedAsAWholeNumber() throws {
        let result = try run(["4", ":quit"])
        #expect(result.text.contains("    1  2  3  4  5\n"))
        #expect(result.text.contains("    Choose a number from 1 to 5. 1 means “Not at all”; 5 means “Completely”."))
        #expect(result.saved.answers["how-well"]?.value == .number(4))
    }

    @Test func aNumberOffTheScaleIsRefusedWithTheInstruction() throws {
        let result = try run(["9", "five", "0", "5", "10", ":quit"])
        #expect(result.text.contains("“9” is not on this scale. Choose a number from 1 to 5."))
        #expect(result.text.contains("“five” is not on this scale. Choose a number from 1 to 5."))
        #expect(result.text.contains("“0” is not on this scale. Choose a number from 1 to 5."))
        #expect(result.saved.answers["how-well"]?.value == .number(5))
        // The second scale runs from 0 to 10 and has no end words.
        #expect(result.text.contains("    0  1  2  3  4  5  6  7  8  9  10\n    Choose a number from 0 to 10.\n"))
        #expect(result.saved.answers["effort"]?.value == .number(10))
    }

    @Test func theAnswerIsShownAsAPointOfItsScale() throws {
        let result = try run(["4", ":back", ":quit"])
        #expect(result.text.contains("4 (of 1–5)"), "\(result.text)")
    }
}
