import BletherCore
import BletherForms
import BletherRecords
@testable import BletherStore
import Foundation
import GRDB
import Testing

/// The README promises that each answer is committed with full sync before the next prompt:
/// the setting in force on the store's own live connections is FULL, not the NORMAL that
/// GRDB's WAL set-up leaves behind.
@Suite final class DurableCommitTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-durable-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// SQLite's numbers for `PRAGMA synchronous`: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
    static let full = 2

    @Test(arguments: [false, true])
    func everyLiveConnectionSyncsInFull(reopened: Bool) throws {
        if reopened { _ = try ConversationStore.open(directory: directory, key: Self.key) }
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag", language: "en-GB", at: Date())
        var session = try store.restore(id: summary.id, form: form)
        try store.save(try session.handle(.answer(question: "language", value: .text("Scots")), at: Date()), of: session, conversation: summary.id, at: Date())

        let writer = try store.pool.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(writer.0 == "wal", "the store is in WAL mode, where GRDB lowers sync to NORMAL")
        #expect(writer.1 == Self.full, "the connection that commits answers syncs each commit in full")
        let reader = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(reader == Self.full, "a reading connection is set up the same way")
    }
}
