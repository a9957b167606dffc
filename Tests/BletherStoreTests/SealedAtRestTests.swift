import BletherCore
import BletherForms
import BletherRecords
@testable import BletherStore
import Foundation
import GRDB
import Testing

/// Personal content never sits in clear on disk: not in the database, not in its WAL.
@Suite final class SealedAtRestTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-sealed-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Every file of the database, as bytes.
    func rawFiles() throws -> [(String, Data)] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(ConversationStore.fileName) }
            .map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    func expectNoClearText(_ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try rawFiles()
        #expect(files.contains { $0.0.hasSuffix("-wal") }, "the WAL is checked too", sourceLocation: sourceLocation)
        for (name, bytes) in files {
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(name) holds “\(secret)” in clear", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func theRawFilesHoldNoNameOrAnswerInClear() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Quinnell-Abernethy", language: "en-GB", at: now)
        var session = try store.restore(id: summary.id, form: form)
        let answers: [(String, AnswerValue)] = [
            ("language", .text("Scots Gaelic with Granny")),
            ("communication", .text("Speak slowly, write the choir times down")),
            ("present", .choices(["person"], other: "Neighbour Hamish Drummond")),
        ]
        for (question, value) in answers {
            try store.save(try session.handle(.answer(question: question, value: value), at: now), of: session, conversation: summary.id, at: now)
        }
        let envelope = try Envelope.sign(payload: CanonicalValue.object(["person": .string("Morag Quinnell-Abernethy")]).encoded,
                                         type: Envelope.assessmentType, with: Self.key)
        try store.appendRevision(record: summary.id, number: 1, revisionID: envelope.revisionID, envelope: envelope.encoded,
                                 actor: Self.key.identity.keyID, at: now)
        try expectNoClearText(["Morag Quinnell-Abernethy", "Scots Gaelic with Granny", "write the choir times down", "Hamish Drummond"])
        #expect(try store.summary(id: summary.id).person == "Morag Quinnell-Abernethy")
        #expect(try store.revisions(record: summary.id).first?.envelope == envelope.encoded, "opening gives back the signed bytes exactly")
    }

    @Test func draftsKeptInClearByEarlierVersionsAreSealedWithoutLoss() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(ConversationStore.fileName)
        do {
            let queue = try DatabaseQueue(path: url.path)
            try StoreSchema.migrator.migrate(queue, upTo: "v1-drafts")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO conversation (id, formID, formVersion, person, language, state, cursor, speaker, createdAt, updatedAt)
                    VALUES ('olddraft', 'adult-good-conversation', 1, 'Iain Pentland-Ferguson', 'en-GB', 'draft', 'question:communication', 'carer', ?, ?)
                    """, arguments: [now, now])
                try db.execute(sql: "INSERT INTO answer (conversationID, questionID, value, speaker, answeredAt) VALUES ('olddraft', 'language', ?, 'carer', ?)",
                               arguments: ["{\"text\":\"Doric from Buckie\"}", now])
            }
            try queue.close()
        }
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        #expect(try store.summary(id: "olddraft").person == "Iain Pentland-Ferguson")
        let session = try store.restore(id: "olddraft", form: form)
        #expect(session.answers["language"]?.value == .text("Doric from Buckie"))
        #expect(session.answers["language"]?.speaker == .carer)
        #expect(session.cursor == .question("communication"))
        try store.audit(actor: "test", action: .opened, record: nil, at: now)
        try expectNoClearText(["Iain Pentland-Ferguson", "Doric from Buckie"])
    }

    @Test func anotherWorkersKeyOpensNothing() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag", language: "en-GB", at: now)
        let stranger = try WorkerKeyFile.create(name: "Someone Else", role: .worker, passphrase: "not the same passphrase", rounds: 1 << 10).key
        let other = try ConversationStore.open(directory: directory, key: stranger)
        #expect(throws: StoreError.sealedWithAnotherKey(what: "the data key of conversation \(summary.id) (key \(Self.key.identity.fingerprint))")) {
            try other.summary(id: summary.id)
        }
        let locked = try ConversationStore.open(directory: directory, key: nil)
        #expect(throws: StoreError.locked) { try locked.summaries() }
    }
}
