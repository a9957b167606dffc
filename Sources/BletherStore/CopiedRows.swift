import BletherCore
import GRDB

/// Rows fetched with `Row.fetchAll`, which copies every value out of SQLite: nothing in them
/// changes or reaches back into the database, so threads may read them at once (the home
/// list's names are opened on every core). Only reading is allowed.
///
/// ```swift
/// let copied = CopiedRows(try Row.fetchAll(db, sql: "SELECT …"))
/// DispatchQueue.concurrentPerform(iterations: 2) { part in _ = copied.rows[part] }
/// ```
struct CopiedRows: @unchecked Sendable {
    let rows: [Row]

    init(_ rows: [Row]) { self.rows = rows }
}

/// A conversation on the home list that could not be read, and why.
struct UnreadableConversation: Error, Sendable {
    let id: String
    let problem: StoreError
}
