import BletherRecords
import Foundation

/// A record bundle, read and verified as `blether verify FILE` does — on a machine that trusts
/// nobody and on one that trusts each carried key as a team leader; a bundle that reads
/// encodes to one that reads the same.
enum RecordBundleFuzzing {
    static func run(_ data: Data) {
        guard let bundle = try? RecordBundle(decoding: data) else { return }
        let again = try? RecordBundle(decoding: bundle.encoded)
        fuzzPromise(again?.record == bundle.record && again?.envelopes == bundle.envelopes && again?.publicKeys == bundle.publicKeys,
                    "a bundle does not read back from its own encoding")
        let identities = bundle.publicKeys.map { KeyIdentity(name: "Trusted", role: .teamLeader, publicKey: $0.base64EncodedString()) }
        for identity in identities {
            _ = identity.keyID
            _ = identity.fingerprint
            _ = identity.signingPublicKey
        }
        for bytes in bundle.envelopes {
            if let envelope = try? Envelope(decoding: bytes) { EnvelopeFuzzing.check(envelope) }
        }
        for trusted in [identities, []] {
            let result = RevisionVerifier(trusted: trusted, carried: bundle.publicKeys).verify(record: bundle.record, envelopes: bundle.envelopes)
            if let failure = result.failure { _ = failure.description }
            _ = result.signers
        }
    }
}
