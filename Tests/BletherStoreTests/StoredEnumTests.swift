import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import GRDB
import Testing

/// States and speakers are stored by their raw values and read back through GRDB's enum
/// support: a value this Blether does not write makes that conversation unreadable, named —
/// never a draft, never the person, and never hiding the other conversations.
@Suite final class StoredEnumTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-enums-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `sql` into the store's file behind its back, as a damaged disk or another program might.
    func tamper(_ sql: String, _ arguments: StatementArguments) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent(ConversationStore.fileName).path)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    @Test func anUnknownStateMakesThatConversationUnreadableAndHidesNoOther() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let kept = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        let damaged = try store.create(form: form, person: "Iain Macleod", language: "en-GB", at: now.addingTimeInterval(10))
        try tamper("UPDATE conversation SET state = 'archived' WHERE id = ?", [damaged.id])

        let (summaries, unreadable) = try store.readableSummaries()
        #expect(summaries.map(\.id) == [kept.id])
        #expect(summaries.first?.state == .draft)
        try #require(unreadable.count == 1)
        #expect(unreadable[0].id == damaged.id)
        guard case .damaged(let what) = unreadable[0].problem else {
            Issue.record("an unknown state is a damaged conversation, not \(unreadable[0].problem)")
            return
        }
        #expect(what.contains(damaged.id) && what.contains("\"archived\""), "\(what)")
        #expect(throws: StoreError.self) { try store.summary(id: damaged.id) }
    }

    @Test func aLongListOpenedOnEveryCoreKeepsItsOrderAndNamesTheUnreadable() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        var made: [ConversationSummary] = []
        for index in 0..<1_200 {
            made.append(try store.create(form: form, person: "Person \(index)", language: "en-GB", at: now.addingTimeInterval(Double(index))))
        }
        let damaged = [made[3], made[700]]
        for summary in damaged { try tamper("UPDATE conversation SET state = 'archived' WHERE id = ?", [summary.id]) }
        try tamper("UPDATE dataKey SET wrapped = zeroblob(60) WHERE conversationID = ?", [made[1_000].id])

        // Opened afresh, so no data key is remembered from making them.
        let (summaries, unreadable) = try ConversationStore.open(directory: directory, key: Self.key).readableSummaries()
        let readable = made.reversed().filter { ![made[3].id, made[700].id, made[1_000].id].contains($0.id) }
        #expect(summaries.count == readable.count)
        #expect(zip(summaries, readable).allSatisfy { $0.id == $1.id && $0.person == $1.person }, "newest first, every name opened, as one thread would list them")
        #expect(Set(unreadable.map(\.id)) == [made[3].id, made[700].id, made[1_000].id])
    }

    @Test func aStateInAnotherCaseIsNotReadAsOneBletherWrites() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        for written in ["Approved", "approved ", ""] {
            try tamper("UPDATE conversation SET state = ? WHERE id = ?", [written, summary.id])
            #expect(throws: StoreError.self, "\(written)") { try store.summary(id: summary.id) }
        }
        try tamper("UPDATE conversation SET state = 'approved' WHERE id = ?", [summary.id])
        #expect(try store.summary(id: summary.id).state == .approved)
    }

    @Test func anUnknownSpeakerIsDamageNotThePerson() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        try tamper("UPDATE conversation SET speaker = 'manager' WHERE id = ?", [summary.id])
        #expect {
            try store.restore(id: summary.id, form: form)
        } throws: { error in
            guard case .damaged(let what) = error as? StoreError else { return false }
            return what.contains("\"manager\"")
        }
    }
}
