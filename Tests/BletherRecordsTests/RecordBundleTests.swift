import BletherCore
import BletherRecords
import Foundation
import Testing

/// A bundle carries signed revisions and bare public keys; nothing unsigned in it can change
/// what a reader is told about who signed, or as what.
@Suite struct RecordBundleTests {
    let decisions = DecisionRevisionTests()
    var worker: UnlockedKey { decisions.records.key }

    /// A referred record and a team leader's refusal of it, as a bundle carrying both keys.
    func decidedBundle() throws -> RecordBundle {
        let first = try decisions.referred()
        let decision = try DecisionRevision(after: first, number: 2, decider: decisions.leader.identity, outcome: .refused,
                                            reasons: "Not needed now", installedRules: { _, _ in "0" }, at: Date())
        let second = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: decisions.leader)
        let keys = [worker.identity, decisions.leader.identity].compactMap { Data(base64Encoded: $0.publicKey) }
        return RecordBundle(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded], publicKeys: keys)
    }

    @Test func namesAndRolesComeOnlyFromThisMachinesTrust() throws {
        let bundle = try RecordBundle(decoding: try decidedBundle().encoded)
        // Where both keys are trusted, their trusted names and roles are shown.
        let here = RevisionVerifier(trusted: [worker.identity, decisions.leader.identity], carried: bundle.publicKeys)
            .verify(record: bundle.record, envelopes: bundle.envelopes)
        #expect(here.failure == nil && here.signers == [["Ailsa Grant (worker)"], ["Rhona Baird (team-leader)"]], "\(here)")
        // Where nothing is trusted, the assessment's signer is unconfirmed, and the decision does not count.
        let nowhere = RevisionVerifier(trusted: [], carried: [bundle.publicKeys[0]]).verify(record: bundle.record, envelopes: [bundle.envelopes[0]])
        #expect(nowhere.failure == nil)
        #expect(nowhere.signers == [["“Ailsa Grant”, name unconfirmed — key \(worker.identity.fingerprint)"]])
        let decision = RevisionVerifier(trusted: [], carried: bundle.publicKeys).verify(record: bundle.record, envelopes: bundle.envelopes)
        #expect(decision.failure?.reason == .decisionByUnknownKey(keyID: decisions.leader.identity.keyID))
        // A key trusted here only as a worker does not make a decision count, whatever the bundle says.
        let asWorker = KeyIdentity(name: "Rhona Baird", role: .worker, publicKey: decisions.leader.identity.publicKey)
        let demoted = RevisionVerifier(trusted: [worker.identity, asWorker], carried: bundle.publicKeys).verify(record: bundle.record, envelopes: bundle.envelopes)
        #expect(demoted.failure?.reason == .decisionNotByDecider(name: "Rhona Baird"))
    }

    @Test func aFirstVersionBundlesLabelsAreNeverShown() throws {
        let bundle = try decidedBundle()
        let forged = CanonicalValue.object([
            "kind": .string("blether-record-bundle-v1"), "record": .string(bundle.record),
            "revisions": .array(bundle.envelopes.map { .string($0.base64EncodedString()) }),
            "keys": .array([worker.identity].map {
                .object(["name": .string("Chief Social Work Officer"), "role": .string("service-manager"), "publicKey": .string($0.publicKey)])
            }),
        ]).encoded
        let read = try RecordBundle(decoding: forged)
        let result = RevisionVerifier(trusted: [], carried: read.publicKeys).verify(record: read.record, envelopes: [read.envelopes[0]])
        #expect(result.failure == nil)
        #expect(!result.signers.joined().joined().contains("Chief Social Work Officer"))
        #expect(!result.signers.joined().joined().contains("service-manager"))
    }

    @Test func aBundleWithNothingInItIsRefused() throws {
        let empty = CanonicalValue.object(["kind": .string(RecordBundle.kind), "record": .string("k7m2qx9a"), "revisions": .array([]), "keys": .array([])]).encoded
        #expect(throws: RecordBundle.Malformed(description: "it holds no signed revision")) { try RecordBundle(decoding: empty) }
        #expect(RevisionVerifier(trusted: [worker.identity]).verify(record: "k7m2qx9a", envelopes: []).failure?.reason == .empty)
    }

    @Test func everyFlippedByteOfABundleIsRefused() throws {
        let first = try Envelope.sign(payload: SignedRecordTests.payload(), type: Envelope.assessmentType, with: SignedRecordTests.worker.key)
        let worker = SignedRecordTests.worker.file.identity
        let encoded = RecordBundle(record: "k7m2qx9a", envelopes: [first.encoded], publicKeys: [Data(base64Encoded: worker.publicKey)!]).encoded
        var accepted: [Int] = []
        for index in encoded.indices {
            var flipped = encoded
            flipped[index] ^= 0x01
            guard let bundle = try? RecordBundle(decoding: flipped) else { continue }
            let result = RevisionVerifier(trusted: [worker], carried: bundle.publicKeys).verify(record: bundle.record, envelopes: bundle.envelopes)
            if result.failure == nil { accepted.append(index) }
        }
        #expect(accepted.isEmpty, "flips accepted at \(accepted.prefix(20)) of \(String(decoding: encoded, as: UTF8.self))")
    }

    @Test func base64WithItsUnusedBitsSetIsRefused() throws {
        let envelope = try Envelope.sign(payload: SignedRecordTests.payload(), type: Envelope.assessmentType, with: SignedRecordTests.worker.key)
        var bytes = envelope.encoded
        // A 64-byte signature ends in one character with four unused bits, then "==".
        let padding = try #require(bytes.lastRange(of: Data("==\"".utf8)))
        // Set the lowest of its unused bits: the next letter of the base64 alphabet, pairwise.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let value = try #require(alphabet.firstIndex(of: bytes[padding.lowerBound - 1]))
        bytes[padding.lowerBound - 1] = alphabet[value ^ 1]
        #expect(Data(base64Encoded: Data(bytes[bytes.index(padding.lowerBound, offsetBy: -86)..<padding.upperBound - 1])) != nil, "Foundation alone accepts it")
        #expect(throws: Envelope.Malformed.self) { try Envelope(decoding: bytes) }
    }
}

/// A witnessed agreement's countersignature counts on the revision the agreement was signed in,
/// even after a team leader's decision follows it.
@Suite struct WitnessedAgreementTests {
    @Test func aCountersignatureBeforeADecisionStillCounts() throws {
        let decisions = DecisionRevisionTests()
        let worker = decisions.records.key
        let advocate = DecisionRevisionTests.key("Jo Advocate", .advocate)
        let referred = try decisions.referred()
        guard case .object(var members) = try CanonicalValue(decoding: referred.payload) else { Issue.record("not an object"); return }
        members["countersignatureNeeded"] = .array([.string("advocate"), .string("witness")])
        var first = try Envelope.sign(payload: CanonicalValue.object(members).encoded, type: Envelope.assessmentType, with: worker)
        let decision = try DecisionRevision(after: first, number: 2, decider: decisions.leader.identity, outcome: .approved, reasons: "",
                                            installedRules: { _, _ in "0" }, at: Date())
        let second = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: decisions.leader)
        let trusted = [worker.identity, decisions.leader.identity, advocate.identity]
        let unwitnessed = RevisionVerifier(trusted: trusted).verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded])
        #expect(unwitnessed.failure == nil && unwitnessed.awaitingCountersignature, "\(unwitnessed)")
        try first.addSignature(with: advocate)
        let witnessed = RevisionVerifier(trusted: trusted).verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded])
        #expect(witnessed.failure == nil && !witnessed.awaitingCountersignature, "\(witnessed)")
        // Only a role trusted here counts: the same countersignature from a key trusted as a worker does not.
        let asWorker = KeyIdentity(name: "Jo Advocate", role: .worker, publicKey: advocate.identity.publicKey)
        #expect(RevisionVerifier(trusted: [worker.identity, decisions.leader.identity, asWorker])
            .verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded]).awaitingCountersignature)
    }
}

/// An envelope holds exactly what Blether writes: no extra member, no key signing twice.
@Suite struct EnvelopeExactnessTests {
    @Test func anythingRidingAlongIsRefused() throws {
        let envelope = try Envelope.sign(payload: SignedRecordTests.payload(), type: Envelope.assessmentType, with: SignedRecordTests.worker.key)
        let text = String(decoding: envelope.encoded, as: UTF8.self)
        let extra = String(text.dropLast()) + #","zsigner":"Chief Social Work Officer"}"#
        #expect(throws: Envelope.Malformed(description: "the envelope holds members Blether never writes")) { try Envelope(decoding: Data(extra.utf8)) }
        let signature = try #require(text.firstMatch(of: /\{"keyid":"[0-9a-f]+","sig":"[^"]+"\}/)).output
        let twice = text.replacingOccurrences(of: String(signature), with: signature + "," + signature)
        #expect(throws: Envelope.Malformed(description: "one key signs it twice")) { try Envelope(decoding: Data(twice.utf8)) }
        let more = text.replacingOccurrences(of: #""sig":"#, with: #""note":"x","sig":"#)
        #expect(throws: Envelope.Malformed.self) { try Envelope(decoding: Data(more.utf8)) }
    }

    @Test func aBundleWhoseRecordIdIsNoIdIsRefused() throws {
        let envelope = try Envelope.sign(payload: SignedRecordTests.payload(), type: Envelope.assessmentType, with: SignedRecordTests.worker.key)
        let bundle = RecordBundle(record: "\u{1B}[31mOK\u{1B}[0m", envelopes: [envelope.encoded],
                                  publicKeys: [Data(base64Encoded: SignedRecordTests.worker.file.identity.publicKey)!])
        #expect(throws: RecordBundle.Malformed(description: "its record id is not one Blether makes")) { try RecordBundle(decoding: bundle.encoded) }
    }
}
