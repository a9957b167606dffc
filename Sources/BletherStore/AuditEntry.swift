import Foundation

/// One line of the audit log: who did what to which record, and when.
///
/// ```swift
/// for entry in try store.auditEntries(record: "k7m2qx9a") { print(entry.at, entry.action) }
/// ```
public struct AuditEntry: Sendable, Equatable {
    public let sequence: Int
    public let at: Date
    /// A key id, or a description such as `locked` when no key was opened.
    public let actor: String
    /// The action as stored (see ``AuditAction``); one this Blether does not know is kept as written.
    public let action: String
    public let recordID: String?
    public let detail: String

    /// The action, when it is one this Blether knows.
    public var knownAction: AuditAction? { AuditAction(rawValue: action) }
}
