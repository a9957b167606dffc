import Foundation

/// A record's signed revisions with the public keys needed to check them: a copy a
/// supported person can keep and anyone can verify with `blether verify FILE`.
public struct RecordBundle: Sendable {
    public static let kind = "blether-record-bundle-v1"

    public let record: String
    /// Envelope bytes, oldest first.
    public let envelopes: [Data]
    public let keys: [KeyIdentity]

    public init(record: String, envelopes: [Data], keys: [KeyIdentity]) {
        self.record = record
        self.envelopes = envelopes
        self.keys = keys
    }

    public var encoded: Data {
        CanonicalValue.object([
            "kind": .string(RecordBundle.kind),
            "record": .string(record),
            "revisions": .array(envelopes.map { .string($0.base64EncodedString()) }),
            "keys": .array(keys.map { .object(["name": .string($0.name), "role": .string($0.role), "publicKey": .string($0.publicKey)]) }),
        ]).encoded
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(decoding data: Data) throws {
        let value = try CanonicalValue(decoding: data)
        guard value["kind"]?.string == RecordBundle.kind, let record = value["record"]?.string,
              let revisions = value["revisions"]?.array, let keys = value["keys"]?.array else {
            throw Malformed(description: "it lacks kind, record, revisions or keys")
        }
        self.record = record
        envelopes = try revisions.map { item in
            guard let text = item.string, let data = Data(base64Encoded: text) else { throw Malformed(description: "a revision is not base64") }
            return data
        }
        self.keys = try keys.map { item in
            guard let name = item["name"]?.string, let role = item["role"]?.string, let key = item["publicKey"]?.string else {
                throw Malformed(description: "a key lacks name, role or publicKey")
            }
            return KeyIdentity(name: name, role: role, publicKey: key)
        }
    }
}
