import BletherCore
import BletherForms
import BletherRecords
@testable import BletherStore
import Foundation
import GRDB
import Testing

/// The store's chained, signed audit log shows what was removed or changed behind Blether's
/// back — by someone holding the file, who can drop the guard triggers but not sign.
@Suite final class StoreIntegrityTests {
    static let worker = try! WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10)
    static let advocate = try! WorkerKeyFile.create(name: "Jo Advocate", role: .advocate, passphrase: "another long passphrase", rounds: 1 << 10)
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-integrity-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000.123)
    var trusted: [KeyIdentity] { [Self.worker.file.identity, Self.advocate.file.identity] }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Two records: the first with two revisions and a countersignature, the second with one.
    func storeWithRecords() throws -> (store: ConversationStore, first: String, second: String) {
        let store = try ConversationStore.open(directory: directory, key: Self.worker.key)
        var ids: [String] = []
        for (person, revisions) in [("Morag Campbell", 2), ("Iain Pentland", 1)] {
            let summary = try store.create(form: form, person: person, language: "en-GB", at: now)
            var previous: String?
            for number in 1...revisions {
                let payload = CanonicalValue.object(["record": .string(summary.id), "revision": .integer(number),
                                                     "prev": previous.map(CanonicalValue.string) ?? .null]).encoded
                let envelope = try Envelope.sign(payload: payload, type: Envelope.assessmentType, with: Self.worker.key)
                try store.appendRevision(record: summary.id, number: number, revisionID: envelope.revisionID, envelope: envelope.encoded,
                                         actor: Self.worker.file.identity.keyID, at: now)
                previous = envelope.revisionID
            }
            ids.append(summary.id)
        }
        _ = try RecordSealing(store: store).countersign(record: ids[0], key: Self.advocate.key, at: now)
        try store.note(.opened, record: ids[1], at: now)
        return (store, ids[0], ids[1])
    }

    /// Changes the file as someone holding it could: the guard triggers dropped, foreign keys off.
    func tamper(_ sql: String...) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent(ConversationStore.fileName).path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for table in ["revision", "countersignature", "auditEntry"] {
                for change in ["update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_never_\(change)") }
            }
            for statement in sql { try db.execute(sql: statement) }
        }
        try queue.close()
    }

    @Test func anUntouchedStoreMatchesItsSignedHead() throws {
        let (store, _, _) = try storeWithRecords()
        let integrity = try store.integrity(trusted: trusted)
        #expect(integrity.problems.isEmpty, "\(integrity.problems)")
        #expect(integrity.head?.signer.name == "Ailsa Grant")
        #expect(integrity.head?.sequence == integrity.entries && integrity.unsignedAfterHead == 0)
    }

    @Test func aRolledBackRecordIsReported() throws {
        let (store, first, _) = try storeWithRecords()
        try tamper("DELETE FROM countersignature", "DELETE FROM revision WHERE recordID = '\(first)' AND number = 2")
        let problems = try store.integrity(trusted: trusted).problems
        #expect(problems.contains { if case .revisionMissing(first, 2, _) = $0 { true } else { false } }, "\(problems)")
        #expect(problems.contains { if case .countersignatureMissing(first, 2, Self.advocate.file.identity.keyID) = $0 { true } else { false } })
        #expect(problems.map(\.description).contains { $0.contains("rolled back or truncated") })
    }

    @Test func aRecordWhoseRevisionsOrConversationAreDeletedIsReported() throws {
        let (store, first, second) = try storeWithRecords()
        try tamper("DELETE FROM countersignature", "DELETE FROM revision WHERE recordID = '\(first)'", "DELETE FROM conversation WHERE id = '\(second)'")
        let problems = try store.integrity(trusted: trusted).problems
        #expect(problems.contains(.recordDisappeared(record: first, revisions: 2)), "\(problems)")
        #expect(problems.contains(.conversationMissing(record: second)))
        #expect(try store.summaries().map(\.id) == [first], "the deleted conversation is gone from the list, but not from the log")
    }

    @Test func aRemovedOrChangedAuditEntryIsReported() throws {
        let (store, _, _) = try storeWithRecords()
        try tamper("DELETE FROM auditEntry WHERE sequence = 2", "UPDATE auditEntry SET detail = 'nothing happened' WHERE sequence = 4")
        let problems = try store.integrity(trusted: trusted).problems
        #expect(problems.contains(.auditEntriesMissing(after: 1, before: 3)), "\(problems)")
        #expect(problems.contains(.auditEntryChanged(sequence: 4)))
        #expect(!problems.contains(.auditEntryChanged(sequence: 3)), "the entry after a removal is not called changed")
    }

    @Test func aRevisionSlippedInBehindTheLogIsReported() throws {
        let (store, _, second) = try storeWithRecords()
        let payload = CanonicalValue.object(["record": .string(second), "revision": .integer(2)]).encoded
        let envelope = try Envelope.sign(payload: payload, type: Envelope.assessmentType, with: Self.worker.key)
        try tamper("INSERT INTO revision (recordID, number, revisionID, envelope, sealedAt) VALUES ('\(second)', 2, '\(envelope.revisionID)', x'00', '2027-01-01')")
        #expect(try store.integrity(trusted: trusted).problems == [.revisionNotInLog(record: second, number: 2)])
    }

    @Test func aHeadOnlyCountsFromAKeyTrustedHere() throws {
        let (store, _, _) = try storeWithRecords()
        let problems = try store.integrity(trusted: [Self.advocate.file.identity]).problems
        #expect(problems.contains { if case .headSignedByUnknownKey = $0 { true } else { false } })
        #expect(problems.contains(.noSignedHead))
        try tamper("UPDATE auditEntry SET headSignature = zeroblob(64) WHERE sequence = (SELECT MAX(sequence) FROM auditEntry)")
        let forged = try store.integrity(trusted: trusted)
        #expect(forged.problems.contains { if case .headSignatureInvalid = $0 { true } else { false } }, "\(forged.problems)")
    }

    @Test func aTailStrippedOfItsSignaturesIsReported() throws {
        let (store, _, _) = try storeWithRecords()
        let last = try store.integrity(trusted: trusted).entries
        // Anyone can recompute the hashes of unsigned entries: stripping the signatures would let
        // the end of the log be rewritten, so an entry that needs the key may not come unsigned.
        try tamper("UPDATE auditEntry SET headSignature = NULL, headSigner = NULL WHERE sequence = \(last)")
        #expect(try store.integrity(trusted: trusted).problems == [.unsignedAfterHead(sequence: last, action: "opened")])
    }

    @Test func entriesWrittenWithoutTheKeyAreChainedAndCoveredByTheNextHead() throws {
        let (store, _, _) = try storeWithRecords()
        let locked = try ConversationStore.open(directory: directory, key: nil)
        try locked.audit(actor: Self.worker.file.identity.keyID, action: .passphraseWrong, record: nil, at: now)
        #expect(try store.integrity(trusted: trusted).unsignedAfterHead == 1)
        try store.audit(actor: Self.worker.file.identity.keyID, action: .passphraseRight, record: nil, at: now)
        let integrity = try store.integrity(trusted: trusted)
        #expect(integrity.problems.isEmpty && integrity.unsignedAfterHead == 0)
    }

    @Test func revisionsSealedBeforeTheChainAreTakenInAsTheyStood() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(ConversationStore.fileName)
        do {
            let queue = try DatabaseQueue(path: url.path)
            try StoreSchema.migrator.migrate(queue, upTo: "v5-costing-shown")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO conversation (id, formID, formVersion, person, language, state, cursor, speaker, createdAt, updatedAt)
                    VALUES ('oldrecrd', 'adult-good-conversation', 1, 'Iain', 'en-GB', 'signed', 'question:communication', 'person', ?, ?)
                    """, arguments: [now, now])
                try db.execute(sql: "INSERT INTO revision (recordID, number, revisionID, envelope, sealedAt) VALUES ('oldrecrd', 1, 'abc123', x'00', ?)", arguments: [now])
                try db.execute(sql: "INSERT INTO auditEntry (at, actor, action, recordID, detail) VALUES (?, 'someone', 'sealed', 'oldrecrd', 'revision 1')", arguments: [now])
            }
            try queue.close()
        }
        let store = try ConversationStore.open(directory: directory, key: Self.worker.key)
        try store.audit(actor: Self.worker.file.identity.keyID, action: .passphraseRight, record: nil, at: now)
        let integrity = try store.integrity(trusted: trusted)
        #expect(integrity.problems.isEmpty, "\(integrity.problems)")
        #expect(integrity.recordsInLog == ["oldrecrd"])
        try tamper("DELETE FROM revision")
        #expect(try store.integrity(trusted: trusted).problems == [.recordDisappeared(record: "oldrecrd", revisions: 1)])
    }

    @Test func aDamagedRevisionIsCalledDamagedNotAnotherWorkers() throws {
        let (store, first, _) = try storeWithRecords()
        try tamper("UPDATE revision SET envelope = substr(envelope, 1, length(envelope) - 1) || x'00' WHERE recordID = '\(first)' AND number = 1")
        let reopened = try ConversationStore.open(directory: directory, key: Self.worker.key)
        #expect(throws: StoreError.damaged(what: "\(first) revision 1")) { try reopened.revisions(record: first) }
        _ = store
    }
}
