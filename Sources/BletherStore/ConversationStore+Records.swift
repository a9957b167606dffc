import BletherCore
import Foundation
import GRDB

/// A sealed revision as stored: its number, id and envelope (with any countersignatures).
package struct StoredRevision: Sendable, Equatable {
    package let number: Int
    package let revisionID: String
    package let envelope: Data
    package let countersignatures: [(keyID: String, signature: Data, signedAt: Date)]

    package static func == (lhs: StoredRevision, rhs: StoredRevision) -> Bool {
        lhs.number == rhs.number && lhs.revisionID == rhs.revisionID && lhs.envelope == rhs.envelope
            && lhs.countersignatures.map(\.keyID) == rhs.countersignatures.map(\.keyID)
    }
}

extension ConversationStore {
    /// Appends a sealed revision; the conversation is from now on in `state`: `signed`, or
    /// `referred` for a decision above the worker's limit, then `approved` or `refused`.
    /// The audit entry that records it (`sealed` or `decided`, by `actor`) is written in the same
    /// transaction, so the signed audit chain always says which revisions each record holds.
    package func appendRevision(record: String, number: Int, revisionID: String, envelope: Data, state: ConversationState = .signed,
                               actor: String, action: AuditAction = .sealed, detail: String = "", at now: Date) throws(StoreError) {
        try writing { db in
            // The envelope holds the person's words, so it is sealed at rest like a draft;
            // opening it gives back the signed bytes exactly.
            try db.execute(sql: "INSERT INTO revision (recordID, number, revisionID, envelope, sealedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [record, number, revisionID, try seal(envelope, conversation: record, context: "\(record) revision \(number)", db), now])
            try db.execute(sql: "UPDATE conversation SET state = ?, updatedAt = ? WHERE id = ?", arguments: [state, now, record])
            try appendAudit(db, actor: actor, action: action, record: record, detail: detail, revision: (number, revisionID), at: now)
        }
    }

    /// Adds `keyID`'s signature to a record's revision, with the audit entry that records it.
    package func addCountersignature(record: String, number: Int, revisionID: String, keyID: String, signature: Data,
                                    detail: String = "", at now: Date) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT INTO countersignature (revisionID, keyID, signature, signedAt) VALUES (?, ?, ?, ?)",
                           arguments: [revisionID, keyID, signature, now])
            try appendAudit(db, actor: keyID, action: .countersigned, record: record, detail: detail, revision: (number, revisionID), at: now)
        }
    }

    /// Lists the record in a new state (`signed` once an awaited countersignature is given).
    package func setState(record: String, _ state: ConversationState, at now: Date) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "UPDATE conversation SET state = ?, updatedAt = ? WHERE id = ?", arguments: [state, now, record])
        }
    }

    /// A record's revisions, oldest first.
    package func revisions(record: String) throws(StoreError) -> [StoredRevision] {
        try reading { db in try revisions(record: record, db) }
    }

    /// Every record's revisions, oldest first, read at one moment (one read transaction): a
    /// record that cannot be read says why, and the others are still read.
    package func revisions(records: [String]) throws(StoreError) -> [Result<[StoredRevision], StoreError>] {
        try reading { db in
            records.map { record in
                do { return .success(try revisions(record: record, db)) } catch { return .failure(problem(reading: error)) }
            }
        }
    }

    private func revisions(record: String, _ db: Database) throws -> [StoredRevision] {
        // Statements kept prepared: `verify --all` asks this of every record in turn.
        try Row.fetchAll(try db.cachedStatement(sql: "SELECT number, revisionID, envelope FROM revision WHERE recordID = ? ORDER BY number"), arguments: [record]).map { row in
            let revisionID: String = (try row.decode(forColumn: "revisionID"))
            let counters = try Row.fetchAll(try db.cachedStatement(sql: "SELECT keyID, signature, signedAt FROM countersignature WHERE revisionID = ? ORDER BY signedAt, keyID"),
                                            arguments: [revisionID])
                .map { (keyID: (try $0.decode(String.self, forColumn: "keyID")), signature: (try $0.decode(Data.self, forColumn: "signature")), signedAt: (try $0.decode(Date.self, forColumn: "signedAt"))) }
            let number: Int = (try row.decode(forColumn: "number"))
            let envelope = try open((try row.decode(forColumn: "envelope")), conversation: record, context: "\(record) revision \(number)", db)
            return StoredRevision(number: number, revisionID: revisionID, envelope: envelope, countersignatures: counters)
        }
    }

    /// Ids of every record with at least one sealed revision.
    package func signedRecordIDs() throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT recordID FROM revision ORDER BY recordID") }
    }

    /// What can be shown to the person and noted as shown: the read-back summary, or how the budget was worked out.
    package typealias ShownText = BletherCore.ShownText

    /// The read-back the current agreement was given to, as the engine noted it.
    package func agreedReadBack(conversation: String) throws(StoreError) -> ShownTextNote? {
        try reading { db in try latestNote(.summary, agreed: true, conversation: conversation, db) }
    }

    /// The last showing of this kind that still matches the answers, if every page of it was shown.
    package func latestShown(_ kind: ShownText, conversation: String) throws(StoreError) -> ShownTextNote? {
        try reading { db in try latestNote(kind, agreed: false, conversation: conversation, db).flatMap { $0.complete ? $0 : nil } }
    }

    /// Whether every page of this kind of text was ever shown, even if it has changed since.
    package func wasShown(_ kind: ShownText, conversation: String) throws(StoreError) -> Bool {
        try reading { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM readBack WHERE conversationID = ? AND kind = ? AND agreed = 0 AND complete AND sha256 != '')",
                              arguments: [conversation, kind.rawValue]) ?? false
        }
    }

    /// What was shown and agreed to, as a restored session holds it.
    func shownTexts(conversation: String, _ db: Database) throws -> ShownTexts {
        var notes: [ShownText: ShownTextNote] = [:]
        for kind in ShownText.allCases { notes[kind] = try latestNote(kind, agreed: false, conversation: conversation, db) }
        return ShownTexts(notes: notes, agreedTo: try latestNote(.summary, agreed: true, conversation: conversation, db))
    }

    /// Appends a showing (or, for `nil`, its withdrawal) to the log of what was shown.
    func insertShown(_ note: ShownTextNote?, kind: ShownText, agreed: Bool, conversation: String, at now: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO readBack (conversationID, language, sha256, shownAt, kind, seconds, complete, agreed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [conversation, note?.language ?? "", note?.sha256 ?? "", note?.firstShownAt ?? now, kind.rawValue,
                             note?.seconds, note?.complete ?? false, agreed])
    }

    private func latestNote(_ kind: ShownText, agreed: Bool, conversation: String, _ db: Database) throws -> ShownTextNote? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT language, sha256, shownAt, seconds, complete FROM readBack WHERE conversationID = ? AND kind = ? AND agreed = ?
            ORDER BY sequence DESC LIMIT 1
            """, arguments: [conversation, kind.rawValue, agreed]) else { return nil }
        let sha256: String = (try row.decode(forColumn: "sha256"))
        guard !sha256.isEmpty else { return nil }
        return ShownTextNote(language: (try row.decode(forColumn: "language")), sha256: sha256, firstShownAt: (try row.decode(forColumn: "shownAt")),
                             seconds: (try row.decode(forColumn: "seconds")) ?? 0, complete: (try row.decode(forColumn: "complete")))
    }
}
