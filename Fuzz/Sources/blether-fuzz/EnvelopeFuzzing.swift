import BletherRecords
import Crypto
import Foundation

/// A stored DSSE envelope: one that reads encodes to bytes that read back to the same
/// envelope, and its signed bytes, revision id and signatures can all be checked.
enum EnvelopeFuzzing {
    static let publicKey = Curve25519.Signing.PrivateKey().publicKey

    static func run(_ data: Data) {
        guard let envelope = try? Envelope(decoding: data) else { return }
        check(envelope)
    }

    static func check(_ envelope: Envelope) {
        let encoded = envelope.encoded
        fuzzPromise((try? Envelope(decoding: encoded)) == envelope, "an envelope does not read back from its own encoding")
        fuzzPromise(envelope.revisionID.count == 64, "a revision id that is not SHA-256 hex")
        for signature in envelope.signatures {
            _ = envelope.isValid(signature, publicKey: publicKey)
        }
    }
}
