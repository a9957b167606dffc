import Crypto
import Foundation

/// A DSSE envelope: the payload's exact bytes, their type, and signatures over
/// `PAE(type, payload)`. Its canonical JSON is what is stored and exported.
///
/// ```swift
/// let envelope = try Envelope.sign(payload: bytes, type: Envelope.assessmentType, with: key)
/// envelope.revisionID   // SHA-256 of the PAE bytes: unchanged by countersignatures
/// ```
package struct Envelope: Sendable, Equatable {
    package static let assessmentType = "application/vnd.blether.assessment.v1+json"

    package let payloadType: String
    /// The payload exactly as signed; never re-encoded.
    package let payload: Data
    package private(set) var signatures: [Signature]

    package struct Signature: Sendable, Equatable {
        package let keyID: String
        package let bytes: Data

        package init(keyID: String, bytes: Data) {
            self.keyID = keyID
            self.bytes = bytes
        }
    }

    package init(payloadType: String, payload: Data, signatures: [Signature]) {
        self.payloadType = payloadType
        self.payload = payload
        self.signatures = signatures
    }

    /// The bytes every signature covers.
    package var signedBytes: Data { PAE.encode(payloadType: payloadType, payload: payload) }

    /// SHA-256 of the signed bytes, hex: the revision's id, and what the next revision's `prev` names.
    package var revisionID: String { Envelope.revisionID(of: signedBytes) }

    /// The revision id of signed bytes already made (``signedBytes``), so they are made once.
    static func revisionID(of signedBytes: Data) -> String { Data(SHA256.hash(data: signedBytes)).hex }

    /// The same envelope with `more` signatures after its own (a store's countersignatures).
    package func adding(_ more: [Signature]) -> Envelope {
        more.isEmpty ? self : Envelope(payloadType: payloadType, payload: payload, signatures: signatures + more)
    }

    package static func sign(payload: Data, type: String, with key: UnlockedKey) throws -> Envelope {
        var envelope = Envelope(payloadType: type, payload: payload, signatures: [])
        try envelope.addSignature(with: key)
        return envelope
    }

    /// Adds a signature (a countersignature, when there is one already); the revision id stays.
    package mutating func addSignature(with key: UnlockedKey) throws {
        signatures.append(Signature(keyID: key.identity.keyID, bytes: try key.sign(signedBytes)))
    }

    /// Whether `signature` is a valid Ed25519 signature by `publicKey` over these signed bytes.
    package func isValid(_ signature: Signature, publicKey: Curve25519.Signing.PublicKey) -> Bool {
        publicKey.isValidSignature(signature.bytes, for: signedBytes)
    }

    // MARK: Stored form

    package var canonical: CanonicalValue {
        .object([
            "payloadType": .string(payloadType),
            "payload": .string(payload.base64EncodedString()),
            "signatures": .array(signatures.map { .object(["keyid": .string($0.keyID), "sig": .string($0.bytes.base64EncodedString())]) }),
        ])
    }

    package var encoded: Data { canonical.encoded }

    /// Why stored bytes are not an envelope.
    package struct Malformed: Error, Equatable, Sendable, CustomStringConvertible {
        package let description: String
        package init(description: String) { self.description = description }
    }

    /// Reads a stored envelope, which must be exactly in Blether's encoding.
    /// The members an envelope has, looked up once.
    static let members: Set<String> = ["payloadType", "payload", "signatures"]

    package init(decoding data: Data) throws(Malformed) {
        let ranges: [String: Range<Data.Index>]
        do {
            ranges = try CanonicalCheck.topLevelRanges(of: data, named: Envelope.members)
        } catch {
            throw Malformed(description: "the envelope is not in Blether's encoding (\(error))")
        }
        // Exactly the three members, in the one order Blether writes them: nothing rides along.
        func offset(_ name: String) -> Int? { ranges[name].map { data.distance(from: data.startIndex, to: $0.lowerBound) } }
        func end(_ name: String) -> Int? { ranges[name].map { data.distance(from: data.startIndex, to: $0.upperBound) } }
        guard offset("payload") == #"{"payload":"#.utf8.count, let afterPayload = end("payload"),
              offset("payloadType") == afterPayload + #","payloadType":"#.utf8.count, let afterType = end("payloadType"),
              offset("signatures") == afterType + #","signatures":"#.utf8.count, end("signatures") == data.count - 1 else {
            throw Malformed(description: "the envelope holds members Blether never writes")
        }
        guard let typeRange = ranges["payloadType"], let type = (try? CanonicalValue(decoding: data[typeRange]))?.string else {
            throw Malformed(description: "the envelope has no payloadType")
        }
        // The payload is base64 text between quotes: decoded straight from the bytes.
        guard let payloadRange = ranges["payload"], payloadRange.count >= 2,
              let payload = Data(strictBase64: data[(payloadRange.lowerBound + 1)..<(payloadRange.upperBound - 1)]) else {
            throw Malformed(description: "the envelope's payload is not base64")
        }
        guard let signaturesRange = ranges["signatures"], let list = (try? CanonicalValue(decoding: data[signaturesRange]))?.array else {
            throw Malformed(description: "the envelope has no signatures list")
        }
        var signatures: [Signature] = []
        for item in list {
            guard case .object(let members) = item, Set(members.keys) == ["keyid", "sig"] else {
                throw Malformed(description: "a signature holds other than its keyid and sig")
            }
            guard let keyID = item["keyid"]?.string, let sigText = item["sig"]?.string else {
                throw Malformed(description: "a signature is missing its keyid or sig")
            }
            guard let bytes = Data(strictBase64: sigText) else { throw Malformed(description: "a signature is not in Blether's base64") }
            guard !signatures.contains(where: { $0.keyID == keyID }) else { throw Malformed(description: "one key signs it twice") }
            signatures.append(Signature(keyID: keyID, bytes: bytes))
        }
        self.init(payloadType: type, payload: payload, signatures: signatures)
    }
}
