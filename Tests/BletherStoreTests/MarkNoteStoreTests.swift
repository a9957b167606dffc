import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import Testing

/// The few words on a step marked *nothing here* are saved sealed, like answers, and come
/// back with who gave them; so do the speaker and the one chosen before a worker's question.
@Suite final class MarkNoteStoreTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-notes-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    deinit { try? FileManager.default.removeItem(at: directory) }

    @Test func aMarksNoteIsSealedAtRestAndRestoredWithItsSpeaker() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag", language: "en-GB", at: now)
        var session = try store.restore(id: summary.id, form: form)
        try store.save(try session.handle(.jump(section: "technology"), at: now), of: session, conversation: summary.id, at: now)
        try store.save(try session.handle(.setSpeaker(.carer), at: now), of: session, conversation: summary.id, at: now)
        let note = "Hamish Drummond sets up her tablet on Sundays"
        try store.save(try session.handle(.markNothingHere(note: note), at: now), of: session, conversation: summary.id, at: now)
        let restored = try store.restore(id: summary.id, form: form)
        #expect(restored.marks["technology"] == SectionMark(speaker: .carer, at: now, note: note))
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix(ConversationStore.fileName) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(bytes.range(of: Data("Hamish Drummond".utf8)) == nil, "\(name) holds the note in clear")
        }
    }

    @Test func aResumedConversationGoesBackToTheSpeakerChosenBefore() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag", language: "en-GB", at: now)
        var session = try store.restore(id: summary.id, form: form)
        try store.save(try session.handle(.setSpeaker(.advocate), at: now), of: session, conversation: summary.id, at: now)
        // advocacy-offered is the worker's question: the worker speaks there.
        try store.save(try session.handle(.answer(question: "present", value: .choices(["person"], other: nil)), at: now), of: session, conversation: summary.id, at: now)
        for _ in 0..<3 { try store.save(try session.handle(.skip, at: now), of: session, conversation: summary.id, at: now) }
        #expect(session.cursor == .question("advocacy-offered") && session.speaker == .worker)
        var resumed = try store.restore(id: summary.id, form: form)
        #expect(resumed.speaker == .worker && resumed.chosenSpeaker == .advocate)
        _ = try resumed.handle(.skip, at: now)
        #expect(resumed.speaker == .advocate)
    }
}
