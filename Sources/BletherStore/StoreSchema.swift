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
        return migrator
    }
}
