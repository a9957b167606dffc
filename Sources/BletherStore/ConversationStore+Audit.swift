import BletherRecords
import Foundation
import GRDB

extension ConversationStore {
    /// Who is acting, for the audit log: the key id of the worker who opened the store.
    package var actor: String { key?.identity.keyID ?? "locked" }

    /// Notes what the worker did to a conversation.
    ///
    /// ```swift
    /// try store.note(.opened, record: id, at: .now)
    /// ```
    package func note(_ action: AuditAction, record: String, at now: Date) throws(StoreError) {
        try audit(actor: actor, action: action, record: record, at: now)
    }

    /// Appends an entry to the chained audit log; with the worker's key open, the entry also
    /// carries the key's signature over the chain so far (the store's signed head).
    package func audit(actor: String, action: AuditAction, record: String?, detail: String = "", at now: Date) throws(StoreError) {
        try writing { db in
            try appendAudit(db, actor: actor, action: action, record: record, detail: detail, revision: nil, at: now)
        }
    }

    /// Appends an entry inside a write already under way (see ``audit(actor:action:record:detail:at:)``).
    func appendAudit(_ db: Database, actor: String, action: AuditAction, record: String?, detail: String,
                     revision: (number: Int, id: String)?, at now: Date) throws {
        try ConversationStore.appendAudit(db, signingWith: key, actor: actor, action: action, record: record, detail: detail,
                                          revision: revision, at: now)
    }

    static func appendAudit(_ db: Database, signingWith key: UnlockedKey?, actor: String, action: AuditAction, record: String?, detail: String,
                            revision: (number: Int, id: String)?, at now: Date) throws {
        let last = try Row.fetchOne(db, sql: "SELECT sequence, chainHash FROM auditEntry ORDER BY sequence DESC LIMIT 1")
        let fields = AuditChain.Fields(sequence: (last?["sequence"] as Int? ?? 0) + 1, at: AuditChain.text(now), actor: actor, action: action.rawValue,
                                       recordID: record, detail: detail, revisionNumber: revision?.number, revisionID: revision?.id)
        let hash = AuditChain.link(previous: last?["chainHash"] as String? ?? "", fields)
        let signature = try key?.sign(AuditChain.headBytes(sequence: fields.sequence, chainHash: hash))
        try db.execute(sql: """
            INSERT INTO auditEntry (sequence, at, actor, action, recordID, detail, revisionNumber, revisionID, chainHash, headSignature, headSigner)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [fields.sequence, fields.at, actor, action, record, detail, revision?.number, revision?.id, hash, signature,
                             signature == nil ? nil : key?.identity.keyID])
    }

    package func auditEntries(record: String? = nil) throws(StoreError) -> [AuditEntry] {
        try reading { db in
            let rows = record == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY sequence")
                : try Row.fetchAll(db, sql: "SELECT * FROM auditEntry WHERE recordID = ? ORDER BY sequence", arguments: [record])
            return try rows.map { row in
                let sequence: Int = try row.decode(forColumn: "sequence")
                return AuditEntry(sequence: sequence, at: (try row.decode(forColumn: "at")), actor: (try row.decode(forColumn: "actor")),
                                  action: try row.decodeEnum(AuditAction.self, forColumn: "action", what: "audit log entry \(sequence)"),
                                  recordID: (try row.decode(forColumn: "recordID")), detail: (try row.decode(forColumn: "detail")))
            }
        }
    }

    /// Every entry as `auditEntries` reads it, but one that does not read is kept in its place
    /// as the reason, so a damaged entry never hides the others.
    ///
    /// ```swift
    /// for line in try store.auditLines() { if case .failure(let problem) = line.entry { … } }
    /// ```
    package func auditLines(record: String? = nil) throws(StoreError) -> [(sequence: Int, entry: Result<AuditEntry, StoreError>)] {
        try reading { db in
            let rows = record == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY sequence")
                : try Row.fetchAll(db, sql: "SELECT * FROM auditEntry WHERE recordID = ? ORDER BY sequence", arguments: [record])
            return try rows.map { row in
                let sequence: Int = try row.decode(forColumn: "sequence")
                do {
                    return (sequence, .success(AuditEntry(sequence: sequence, at: (try row.decode(forColumn: "at")), actor: (try row.decode(forColumn: "actor")),
                                                          action: try row.decodeEnum(AuditAction.self, forColumn: "action", what: "audit log entry \(sequence)"),
                                                          recordID: (try row.decode(forColumn: "recordID")), detail: (try row.decode(forColumn: "detail")))))
                } catch let problem as StoreError {
                    return (sequence, .failure(problem))
                }
            }
        }
    }

    /// Wrong passphrases since the last right one, read from the audit log.
    package func wrongPassphrasesInARow() throws(StoreError) -> Int {
        try reading { db in
            let actions = try AuditAction.fetchAll(db, sql: "SELECT action FROM auditEntry WHERE action IN (?, ?) ORDER BY sequence DESC LIMIT 50",
                                                   arguments: [AuditAction.passphraseWrong, AuditAction.passphraseRight])
            return actions.prefix { $0 == .passphraseWrong }.count
        }
    }
}
