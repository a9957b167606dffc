import Foundation

/// One line of the audit log: who did what to which record, and when.
///
/// ```swift
/// for entry in try store.auditEntries(record: "k7m2qx9a") { print(entry.at, entry.action) }
/// ```
package struct AuditEntry: Sendable, Equatable {
    package let sequence: Int
    package let at: Date
    /// A key id, or a description such as `locked` when no key was opened.
    package let actor: String
    /// What was done, read through GRDB's enum support: an entry whose action this Blether does
    /// not know makes the log unreadable (named by its sequence), never another action.
    package let action: AuditAction
    package let recordID: String?
    package let detail: String
}
