import BletherCore
import BletherRecords
import Foundation

/// What a store's chained, signed audit log proves about the store: that no entry was changed
/// or removed up to its signed head, and that every revision and countersignature the log says
/// was added is still there. A local store cannot prove on its own that it was not rolled back
/// whole to an earlier, consistent state (a restored copy of the file, or the last entries and
/// their revisions removed together); the council's signed receipts are what show that.
///
/// ```swift
/// let integrity = try store.integrity(trusted: keys.trustedIdentities())
/// for problem in integrity.problems { print(problem) }
/// ```
package struct StoreIntegrity: Sendable, Equatable {
    /// One way the store does not match its signed audit log.
    package enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// Entries between these two are gone.
        case auditEntriesMissing(after: Int, before: Int)
        /// An entry's words no longer hash to its place in the chain.
        case auditEntryChanged(sequence: Int)
        /// A signed head whose signature does not match the chain.
        case headSignatureInvalid(sequence: Int)
        /// A head signed by a key this machine does not trust.
        case headSignedByUnknownKey(sequence: Int, keyID: String)
        /// Revisions exist, but no entry of the log is signed.
        case noSignedHead
        /// An entry after the last signed head that only a worker with the key open could have
        /// written, yet unsigned: the end of the log was rewritten.
        case unsignedAfterHead(sequence: Int, action: String)
        /// An entry whose action this Blether does not write: never taken for another action.
        case unknownAction(sequence: Int, action: String)
        /// The log says this revision was added; the store no longer has it.
        case revisionMissing(record: String, number: Int, revisionID: String)
        /// The log says the record had signed revisions; the store has none.
        case recordDisappeared(record: String, revisions: Int)
        /// The record's revisions are there, its conversation is not.
        case conversationMissing(record: String)
        /// A revision the log never recorded being added.
        case revisionNotInLog(record: String, number: Int)
        /// A stored revision whose number or id is not of its kind: edited by hand.
        case revisionUnreadable(record: String)
        /// A revision whose id is not the one the log recorded.
        case revisionReplaced(record: String, number: Int)
        /// The log says this key countersigned the revision; the countersignature is gone.
        case countersignatureMissing(record: String, number: Int, keyID: String)

        /// The record a problem is about; `nil` for the log itself.
        package var record: String? {
            switch self {
            case .auditEntriesMissing, .auditEntryChanged, .headSignatureInvalid, .headSignedByUnknownKey, .noSignedHead, .unsignedAfterHead, .unknownAction: nil
            case .revisionMissing(let record, _, _), .recordDisappeared(let record, _), .conversationMissing(let record),
                 .revisionNotInLog(let record, _), .revisionReplaced(let record, _), .countersignatureMissing(let record, _, _),
                 .revisionUnreadable(let record): record
            }
        }

        package var description: String {
            switch self {
            case .auditEntriesMissing(let after, let before):
                "audit log entries \(after + 1)–\(before - 1) have been removed"
            case .auditEntryChanged(let sequence): "audit log entry \(sequence) has been changed since it was written"
            case .headSignatureInvalid(let sequence): "the store's signed head at audit entry \(sequence) does not verify: the log was changed"
            case .headSignedByUnknownKey(let sequence, let keyID):
                "the store's head at audit entry \(sequence) is signed by key \(KeyIdentity.fingerprint(of: keyID)), which this machine does not trust"
            case .unknownAction(let sequence, let action):
                "audit log entry \(sequence) says \"\(BidiIsolation.visible(action))\", which is not an action this Blether writes"
            case .noSignedHead: "the store holds signed records but its audit log has no signed head"
            case .unsignedAfterHead(let sequence, let action):
                "audit log entry \(sequence) (\(action)) needs the worker's key, yet comes unsigned after the store's last signed head: the end of the log was rewritten"
            case .revisionMissing(let record, let number, let revisionID):
                "record \(record): revision \(number) (\(revisionID.prefix(16))) was signed, but the store no longer has it — the record was rolled back or truncated"
            case .recordDisappeared(let record, let revisions):
                "record \(record) has disappeared: the audit log says \(revisions) revision\(revisions == 1 ? " was" : "s were") signed, and the store has none"
            case .conversationMissing(let record): "record \(record): its conversation has been removed from the store"
            case .revisionNotInLog(let record, let number):
                "record \(record): revision \(number) is in the store, but the audit log never recorded it being signed"
            case .revisionUnreadable(let record):
                "record \(record): a stored revision's number or id is not of its kind — the database was edited by hand"
            case .revisionReplaced(let record, let number):
                "record \(record): revision \(number) is not the revision the audit log recorded"
            case .countersignatureMissing(let record, let number, let keyID):
                "record \(record): the countersignature by key \(KeyIdentity.fingerprint(of: keyID)) on revision \(number) has been removed"
            }
        }
    }

    /// The last signed entry: how far the log is proven, and by whom.
    package struct Head: Sendable, Equatable {
        package let sequence: Int
        package let signer: KeyIdentity
    }

    package let problems: [Problem]
    package let head: Head?
    /// Entries in the log.
    package let entries: Int
    /// Entries written after the signed head without the worker's key (a wrong passphrase, say):
    /// chained, and covered by the next signed head.
    package let unsignedAfterHead: Int
    /// Every record the log says was signed, with its revisions: what the store must hold.
    package let recordsInLog: [String]
}
