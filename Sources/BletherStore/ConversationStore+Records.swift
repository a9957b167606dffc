import BletherCore
import Foundation
import GRDB

/// A sealed revision as stored: its number, id and envelope (with any countersignatures).
public struct StoredRevision: Sendable, Equatable {
    public let number: Int
    public let revisionID: String
    public let envelope: Data
    public let countersignatures: [(keyID: String, signature: Data, signedAt: Date)]

    public static func == (lhs: StoredRevision, rhs: StoredRevision) -> Bool {
        lhs.number == rhs.number && lhs.revisionID == rhs.revisionID && lhs.envelope == rhs.envelope
            && lhs.countersignatures.map(\.keyID) == rhs.countersignatures.map(\.keyID)
    }
}

extension ConversationStore {
    /// Appends a sealed revision; the conversation is from now on in `state`: `signed`, or
    /// `referred` for a decision above the worker's limit, then `approved` or `refused`.
    /// The audit entry that records it (`sealed` or `decided`, by `actor`) is written in the same
    /// transaction, so the signed audit chain always says which revisions each record holds.
    public func appendRevision(record: String, number: Int, revisionID: String, envelope: Data, state: String = "signed",
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
    public func addCountersignature(record: String, number: Int, revisionID: String, keyID: String, signature: Data,
                                    detail: String = "", at now: Date) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT INTO countersignature (revisionID, keyID, signature, signedAt) VALUES (?, ?, ?, ?)",
                           arguments: [revisionID, keyID, signature, now])
            try appendAudit(db, actor: keyID, action: .countersigned, record: record, detail: detail, revision: (number, revisionID), at: now)
        }
    }

    /// A record's revisions, oldest first.
    public func revisions(record: String) throws(StoreError) -> [StoredRevision] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT number, revisionID, envelope FROM revision WHERE recordID = ? ORDER BY number", arguments: [record]).map { row in
                let revisionID: String = row["revisionID"]
                let counters = try Row.fetchAll(db, sql: "SELECT keyID, signature, signedAt FROM countersignature WHERE revisionID = ? ORDER BY signedAt, keyID",
                                                arguments: [revisionID])
                    .map { (keyID: $0["keyID"] as String, signature: $0["signature"] as Data, signedAt: $0["signedAt"] as Date) }
                let number: Int = row["number"]
                let envelope = try open(row["envelope"], conversation: record, context: "\(record) revision \(number)", db)
                return StoredRevision(number: number, revisionID: revisionID, envelope: envelope, countersignatures: counters)
            }
        }
    }

    /// Ids of every record with at least one sealed revision.
    public func signedRecordIDs() throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT recordID FROM revision ORDER BY recordID") }
    }

    /// What can be shown to the person and noted as shown: the read-back summary, or how the budget was worked out.
    public enum ShownText: String, Sendable {
        case summary
        case costing
    }

    /// Notes that the read-back summary was shown: its language and the SHA-256 of the exact text.
    public func recordReadBack(conversation: String, language: String, sha256: String, at now: Date) throws(StoreError) {
        try recordShown(.summary, conversation: conversation, language: language, sha256: sha256, at: now)
    }

    /// The last read-back shown for a conversation.
    public func latestReadBack(conversation: String) throws(StoreError) -> (language: String, sha256: String, at: Date)? {
        try latestShown(.summary, conversation: conversation)
    }

    /// Notes that a text was shown to the person and agreed to have been gone through.
    public func recordShown(_ kind: ShownText, conversation: String, language: String, sha256: String, at now: Date) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "INSERT INTO readBack (conversationID, language, sha256, shownAt, kind) VALUES (?, ?, ?, ?, ?)",
                           arguments: [conversation, language, sha256, now, kind.rawValue])
        }
    }

    /// The last text of this kind shown for a conversation.
    public func latestShown(_ kind: ShownText, conversation: String) throws(StoreError) -> (language: String, sha256: String, at: Date)? {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT language, sha256, shownAt FROM readBack WHERE conversationID = ? AND kind = ? ORDER BY sequence DESC LIMIT 1",
                             arguments: [conversation, kind.rawValue]).map { ($0["language"], $0["sha256"], $0["shownAt"]) }
        }
    }
}
