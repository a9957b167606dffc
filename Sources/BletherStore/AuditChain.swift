import BletherRecords
import Crypto
import Foundation

/// How the audit log is chained and its head signed: each entry's hash covers the one before
/// it, and each entry written with the worker's key open carries that key's signature over
/// its hash — the store's signed head. Revisions and countersignatures are written in the same
/// transaction as the entry that records them, so the chain also says what every record held.
///
/// ```swift
/// let hash = AuditChain.link(previous: last, AuditChain.Fields(sequence: 8, at: text, actor: id, action: "sealed", ...))
/// ```
enum AuditChain {
    /// The DSSE payload type of a signed head.
    static let headType = "application/vnd.blether.store-head.v1+json"

    /// Everything an entry says, exactly as stored.
    struct Fields: Sendable, Equatable {
        var sequence: Int
        /// The time as stored (`yyyy-MM-dd HH:mm:ss.SSS`, UTC): hashed as text, so no rounding can differ.
        var at: String
        var actor: String
        var action: String
        var recordID: String?
        var detail: String
        var revisionNumber: Int?
        var revisionID: String?
    }

    /// The hash of an entry, linked to the hash of the entry before it (`""` for the first).
    static func link(previous: String, _ fields: Fields) -> String {
        let encoded = CanonicalValue.array([
            .string(previous), .integer(fields.sequence), .string(fields.at), .string(fields.actor), .string(fields.action),
            fields.recordID.map(CanonicalValue.string) ?? .null, .string(fields.detail),
            fields.revisionNumber.map(CanonicalValue.integer) ?? .null, fields.revisionID.map(CanonicalValue.string) ?? .null,
        ]).encoded
        return Array(SHA256.hash(data: encoded)).hex
    }

    /// The bytes a signed head covers: the entry's sequence and chain hash, in DSSE's PAE.
    static func headBytes(sequence: Int, chainHash: String) -> Data {
        PAE.encode(payloadType: headType,
                   payload: CanonicalValue.object(["sequence": .integer(sequence), "chainHash": .string(chainHash)]).encoded)
    }

    /// A time as the audit log stores it: whole milliseconds, UTC, in the form GRDB reads as a date.
    static func text(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millis.quotientAndRemainder(dividingBy: 1000).quotient)
        let fraction = Int(((millis % 1000) + 1000) % 1000)
        if millis < 0 && fraction != 0 { seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction)
    }
}
