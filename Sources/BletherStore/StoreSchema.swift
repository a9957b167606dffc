import Foundation
import GRDB

/// The database's migrations. A database that has a migration this list lacks was
/// written by a newer Blether and is refused untouched.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-drafts") { db in
            try db.create(table: "conversation") { table in
                table.primaryKey("id", .text)
                table.column("formID", .text).notNull()
                table.column("formVersion", .integer).notNull()
                table.column("person", .text).notNull()
                table.column("language", .text).notNull()
                table.column("state", .text).notNull().defaults(to: "draft")
                table.column("cursor", .text).notNull()
                table.column("speaker", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull().indexed()
            }
            try db.create(table: "answer") { table in
                table.column("conversationID", .text).notNull().references("conversation", onDelete: .cascade)
                table.column("questionID", .text).notNull()
                table.column("value", .text).notNull()
                table.column("speaker", .text).notNull()
                table.column("answeredAt", .datetime).notNull()
                table.primaryKey(["conversationID", "questionID"])
            }
            try db.create(table: "sectionMark") { table in
                table.column("conversationID", .text).notNull().references("conversation", onDelete: .cascade)
                table.column("sectionID", .text).notNull()
                table.column("speaker", .text).notNull()
                table.column("markedAt", .datetime).notNull()
                table.primaryKey(["conversationID", "sectionID"])
            }
        }
        migrator.registerMigration("v2-signed-records") { db in
            // Sealed revisions, countersignatures and the audit log are append-only: the
            // database itself refuses to change or remove a row.
            try db.create(table: "revision") { table in
                table.column("recordID", .text).notNull().references("conversation")
                table.column("number", .integer).notNull()
                table.column("revisionID", .text).notNull().unique()
                table.column("envelope", .blob).notNull()
                table.column("sealedAt", .datetime).notNull()
                table.primaryKey(["recordID", "number"])
            }
            try db.create(table: "countersignature") { table in
                table.column("revisionID", .text).notNull().references("revision", column: "revisionID")
                table.column("keyID", .text).notNull()
                table.column("signature", .blob).notNull()
                table.column("signedAt", .datetime).notNull()
                table.primaryKey(["revisionID", "keyID"])
            }
            try db.create(table: "auditEntry") { table in
                table.autoIncrementedPrimaryKey("sequence")
                table.column("at", .datetime).notNull()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("recordID", .text)
                table.column("detail", .text).notNull().defaults(to: "")
            }
            try db.create(table: "readBack") { table in
                table.autoIncrementedPrimaryKey("sequence")
                table.column("conversationID", .text).notNull().references("conversation")
                table.column("language", .text).notNull()
                table.column("sha256", .text).notNull()
                table.column("shownAt", .datetime).notNull()
            }
            for table in ["revision", "countersignature", "auditEntry"] {
                for change in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_never_\(change.lowercased()) BEFORE \(change) ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed or removed'); END
                        """)
                }
            }
        }
        migrator.registerMigration("v3-sealed-at-rest") { db in
            // Personal content moves into sealed columns; the clear ones are emptied as soon
            // as a worker's key opens the store (ConversationStore.sealClearRows).
            try db.create(table: "dataKey") { table in
                table.primaryKey("conversationID", .text).references("conversation", onDelete: .cascade)
                table.column("wrapped", .blob).notNull()
            }
            try db.alter(table: "conversation") { table in table.add(column: "personSealed", .blob) }
            try db.alter(table: "answer") { table in table.add(column: "valueSealed", .blob) }
        }
        migrator.registerMigration("v4-review-comments") { db in
            // Words the person adds while reviewing their record: sealed like every answer,
            // never changing a signed revision; the next revision carries them.
            try db.create(table: "reviewComment") { table in
                table.autoIncrementedPrimaryKey("sequence")
                table.column("conversationID", .text).notNull().references("conversation")
                table.column("textSealed", .blob).notNull()
                table.column("speaker", .text).notNull()
                table.column("addedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v5-costing-shown") { db in
            // What was shown to the person is noted by kind: the read-back summary, or how the
            // budget was worked out; each by its language and the SHA-256 of the exact text.
            try db.alter(table: "readBack") { table in table.add(column: "kind", .text).notNull().defaults(to: "summary") }
        }
        migrator.registerMigration("v6-audit-chain") { db in
            // Each audit entry is chained by hash to the one before, and signed when the worker's
            // key is open; the entry that adds a revision or countersignature names it, so the
            // chain says what every record holds (see StoreIntegrity).
            try db.alter(table: "auditEntry") { table in
                table.add(column: "revisionNumber", .integer)
                table.add(column: "revisionID", .text)
                table.add(column: "chainHash", .text)
                table.add(column: "headSignature", .blob)
                table.add(column: "headSigner", .text)
            }
            // Whose key wrapped each data key, so a damaged one is not taken for another worker's.
            try db.alter(table: "dataKey") { table in table.add(column: "wrappedBy", .text) }
            // Entries already written are chained as they stand; only this migration lifts the guard.
            try db.execute(sql: "DROP TRIGGER auditEntry_never_update")
            var previous = ""
            for row in try Row.fetchAll(db, sql: "SELECT sequence, at, actor, action, recordID, detail FROM auditEntry ORDER BY sequence") {
                let fields = AuditChain.Fields(sequence: (try row.decode(forColumn: "sequence")), at: (try row.decode(forColumn: "at")), actor: (try row.decode(forColumn: "actor")), action: (try row.decode(forColumn: "action")),
                                               recordID: (try row.decode(forColumn: "recordID")), detail: (try row.decode(forColumn: "detail")), revisionNumber: nil, revisionID: nil)
                previous = AuditChain.link(previous: previous, fields)
                try db.execute(sql: "UPDATE auditEntry SET chainHash = ? WHERE sequence = ?", arguments: [previous, fields.sequence])
            }
            try db.execute(sql: """
                CREATE TRIGGER auditEntry_never_update BEFORE UPDATE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'auditEntry rows are never changed or removed'); END
                """)
            // Revisions and countersignatures sealed before are taken into the chain as they stand now.
            let now = Date()
            for row in try Row.fetchAll(db, sql: "SELECT recordID, number, revisionID FROM revision ORDER BY sealedAt, recordID, number") {
                try ConversationStore.appendAudit(db, signingWith: nil, actor: "upgrade", action: .revisionKnown,
                                                  record: (try row.decode(forColumn: "recordID")), detail: "", revision: ((try row.decode(forColumn: "number")), (try row.decode(forColumn: "revisionID"))), at: now)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT c.keyID, r.recordID, r.number, r.revisionID FROM countersignature c JOIN revision r ON r.revisionID = c.revisionID
                ORDER BY c.signedAt, c.keyID
                """) {
                try ConversationStore.appendAudit(db, signingWith: nil, actor: (try row.decode(forColumn: "keyID")), action: .countersignatureKnown,
                                                  record: (try row.decode(forColumn: "recordID")), detail: "", revision: ((try row.decode(forColumn: "number")), (try row.decode(forColumn: "revisionID"))), at: now)
            }
        }
        migrator.registerMigration("v7-mark-notes-and-chosen-speaker") { db in
            // A few words on what was explored when a section is marked "nothing here": personal
            // data, sealed like answers. And the speaker chosen away from questions asked of
            // someone, which comes back when the cursor leaves such a question.
            try db.alter(table: "sectionMark") { table in table.add(column: "noteSealed", .blob) }
            try db.alter(table: "conversation") { table in table.add(column: "chosenSpeaker", .text) }
        }
        migrator.registerMigration("v8-shown-through") { db in
            // Each showing says how long it was open and whether every page was shown; a row
            // with `agreed` notes the read-back an agreement was given to. A row with an empty
            // hash withdraws what came before it: an answer it depended on changed.
            try db.alter(table: "readBack") { table in
                table.add(column: "seconds", .integer)
                table.add(column: "complete", .boolean).notNull().defaults(to: true)
                table.add(column: "agreed", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v9-relist-agreed-budgets") { db in
            // A budget the worker approved within their own limit used to be listed as signed; it is
            // now listed as approved, as a decider's approval is. Which records were so approved is
            // sealed in their revisions, so they are relisted the next time the key opens the store.
            try db.create(table: "relisting") { table in
                table.primaryKey("recordID", .text)
            }
            try db.execute(sql: """
                INSERT INTO relisting (recordID)
                SELECT id FROM conversation WHERE state = 'signed' AND EXISTS (SELECT 1 FROM revision WHERE recordID = conversation.id)
                """)
        }
        return migrator
    }
}
