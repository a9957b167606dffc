import Foundation

/// A record's signed revisions with the public keys needed to check them: a copy a
/// supported person can keep and anyone can verify with `blether verify FILE`.
///
/// The bundle says nothing about whose the keys are: a key's id is the hash of the key, and
/// names and roles come only from the verifying machine's trust (or, unconfirmed, from the
/// signed payload), so nothing unsigned in the file can change what a reader is told.
///
/// ```swift
/// let bundle = try RecordBundle(decoding: Data(contentsOf: url))
/// let result = RevisionVerifier(trusted: localKeys, carried: bundle.publicKeys).verify(record: bundle.record, envelopes: bundle.envelopes)
/// ```
package struct RecordBundle: Sendable {
    package static let kind = "blether-record-bundle-v2"
    /// Bundles written before key entries were reduced to bare keys; their names and roles are ignored.
    static let kindWithLabels = "blether-record-bundle-v1"

    package let record: String
    /// Envelope bytes, oldest first.
    package let envelopes: [Data]
    /// Raw 32-byte Ed25519 public keys of the signers.
    package let publicKeys: [Data]

    package init(record: String, envelopes: [Data], publicKeys: [Data]) {
        self.record = record
        self.envelopes = envelopes
        self.publicKeys = publicKeys
    }

    package var encoded: Data {
        CanonicalValue.object([
            "kind": .string(RecordBundle.kind),
            "record": .string(record),
            "revisions": .array(envelopes.map { .string($0.base64EncodedString()) }),
            "keys": .array(publicKeys.map { .string($0.base64EncodedString()) }),
        ]).encoded
    }

    /// Why a file is not a bundle Blether can check.
    package struct Malformed: Error, Equatable, CustomStringConvertible {
        package let description: String
        package init(description: String) { self.description = description }
    }

    package init(decoding data: Data) throws(Malformed) {
        let value: CanonicalValue
        do { value = try CanonicalValue(decoding: data) } catch { throw Malformed(description: "\(error)") }
        guard let kind = value["kind"]?.string, kind == RecordBundle.kind || kind == RecordBundle.kindWithLabels,
              let record = value["record"]?.string, let revisions = value["revisions"]?.array, let keys = value["keys"]?.array else {
            throw Malformed(description: "it lacks kind, record, revisions or keys")
        }
        guard !revisions.isEmpty else { throw Malformed(description: "it holds no signed revision") }
        // A record id is a few letters and digits; anything else is no record of Blether's (and is never printed).
        guard (1...64).contains(record.count), record.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }) else {
            throw Malformed(description: "its record id is not one Blether makes")
        }
        self.record = record
        envelopes = try revisions.map { item throws(Malformed) in
            guard let text = item.string, let data = Data(strictBase64: text) else { throw Malformed(description: "a revision is not base64") }
            return data
        }
        publicKeys = try keys.map { item throws(Malformed) in
            // A v1 entry's name and role were never signed: only the key itself is read.
            guard let text = kind == RecordBundle.kind ? item.string : item["publicKey"]?.string,
                  let key = Data(strictBase64: text), key.count == 32 else {
                throw Malformed(description: "a key is not a base64 Ed25519 public key")
            }
            return key
        }
        guard Set(publicKeys).count == publicKeys.count else { throw Malformed(description: "it carries the same key twice") }
        // One encoding only, as Blether writes it (earlier versions too): nothing may ride along unsigned.
        if kind == RecordBundle.kind ? encoded != data : value.encoded != data {
            throw Malformed(description: "it is not in the one encoding Blether writes")
        }
        if kind == RecordBundle.kindWithLabels, RecordBundle.memberNames(of: value) != ["kind", "record", "revisions", "keys"] {
            throw Malformed(description: "it holds members Blether never writes")
        }
    }

    static func memberNames(of value: CanonicalValue) -> Set<String> {
        if case .object(let members) = value { Set(members.keys) } else { [] }
    }
}
