import BletherRecords
import Foundation

/// A record bundle, read and verified as `blether verify FILE` does, with and without
/// the keys it carries trusted; a bundle that reads encodes to one that reads the same.
enum RecordBundleFuzzing {
    static func run(_ data: Data) {
        guard let bundle = try? RecordBundle(decoding: data) else { return }
        let again = try? RecordBundle(decoding: bundle.encoded)
        fuzzPromise(again?.record == bundle.record && again?.envelopes == bundle.envelopes && again?.keys == bundle.keys,
                    "a bundle does not read back from its own encoding")
        for identity in bundle.keys {
            _ = identity.keyID
            _ = identity.fingerprint
            _ = identity.signingPublicKey
        }
        for bytes in bundle.envelopes {
            if let envelope = try? Envelope(decoding: bytes) { EnvelopeFuzzing.check(envelope) }
        }
        for trusted in [bundle.keys, []] {
            let result = RevisionVerifier(trusted: trusted).verify(record: bundle.record, envelopes: bundle.envelopes)
            if let failure = result.failure { _ = failure.description }
        }
    }
}
