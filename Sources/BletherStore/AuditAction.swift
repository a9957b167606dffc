/// What an audit log entry says was done. Stored by its raw value through GRDB's enum support
/// (`StoredEnums.swift`); a stored value this Blether does not know is never taken for another
/// action: listing the log refuses it as damage, and the integrity check hashes it as written.
///
/// ```swift
/// try store.note(.opened, record: id, at: .now)
/// ```
package enum AuditAction: String, Sendable, CaseIterable {
    case opened
    case changed
    case sealed
    case decided
    case countersigned
    case verified
    case verifyFailed = "verify-failed"
    case exported
    case copyGiven = "copy-given"
    case commentAdded = "comment-added"
    case reviewOpened = "review-opened"
    case reviewClosed = "review-closed"
    case reviewEndedWithoutPassphrase = "review-ended-without-passphrase"
    case passphraseRight = "passphrase-right"
    case passphraseWrong = "passphrase-wrong"
    case passphraseWrongFiveTimes = "passphrase-wrong-five-times"
    /// The worker's key file was sealed again at Blether's current scrypt cost after it was opened.
    case keySealedAgain = "key-sealed-again"
    /// A revision sealed before the audit log was chained, taken into the chain as it stood then.
    case revisionKnown = "revision-known"
    /// A countersignature added before the audit log was chained, taken into the chain as it stood then.
    case countersignatureKnown = "countersignature-known"

    /// Entries written with the store locked: a wrong passphrase is noted before any key is open.
    /// Every other entry is written with the worker's key open, and signed.
    var isWrittenWithoutKey: Bool { self == .passphraseWrong || self == .passphraseWrongFiveTimes }

    /// Entries that say a revision was added to a record.
    var addsRevision: Bool { self == .sealed || self == .decided || self == .revisionKnown }
    /// Entries that say a countersignature was added to a revision.
    var addsCountersignature: Bool { self == .countersigned || self == .countersignatureKnown }
}
