import BletherCore
import BletherRecords
import Foundation
import Testing

/// Outcomes and roles inside signed payloads and key files are enums: a value Blether does
/// not write is refused where it is read — never approved, never taken for a worker.
@Suite struct RecordEnumTests {
    let records = RecordCopyTests()
    let tests = DecisionRevisionTests()

    /// A referral, then a team leader's decision whose outcome was written as `outcome`.
    func decided(outcome: String) throws -> (first: Envelope, second: Envelope) {
        let first = try tests.referred()
        let decision = try DecisionRevision(after: first, number: 2, decider: tests.leader.identity, outcome: .approved, reasons: "",
                                            installedRules: { _, _ in "0" }, at: Date())
        let payload = DecisionTrustTests().replacing(decision.payload, in: PayloadKey.decision.rawValue, PayloadKey.Decision.outcome.rawValue, with: .string(outcome))
        return (first, try Envelope.sign(payload: payload.encoded, type: Envelope.assessmentType, with: tests.leader))
    }

    @Test(arguments: ["maybe", "Approved", "approved ", ""])
    func anUnknownOutcomeInASignedDecisionIsRefusedNotApproved(outcome: String) throws {
        let (first, second) = try decided(outcome: outcome)
        #expect(throws: SignedRecordContent.Unreadable.self, "the copy does not read it") {
            try SignedRecordContent(envelope: second, form: records.form)
        }
        #expect(ConversationState.of(payload: try CanonicalValue(decoding: second.payload), awaitingCountersignature: false) == nil)
        let result = RevisionVerifier(trusted: [tests.records.key.identity, tests.leader.identity])
            .verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded])
        #expect(result.failure?.revision == 2, "verify names the revision: \(String(describing: result.failure))")
        #expect(result.listedState == nil)
        #expect {
            try DecisionRevision(after: second, number: 3, decider: tests.manager.identity, outcome: .approved, reasons: "",
                                 installedRules: { _, _ in "0" }, at: Date())
        } throws: { error in
            if case .unreadable = error as? DecisionRevision.Problem { return true }
            return false
        }
    }

    @Test func theOutcomesBletherWritesReadAsThemselves() throws {
        for outcome in DecisionOutcome.allCases {
            let (first, second) = try decided(outcome: outcome.rawValue)
            #expect(try SignedRecordContent(envelope: second, form: records.form).decision?.outcome == outcome)
            let result = RevisionVerifier(trusted: [tests.records.key.identity, tests.leader.identity])
                .verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded])
            #expect(result.failure == nil && result.listedState == outcome.state, "\(String(describing: result.failure))")
        }
    }

    @Test func anUnknownSignerRoleInAPayloadIsRefused() throws {
        let first = try tests.referred()
        guard case .object(var members) = try CanonicalValue(decoding: first.payload) else { Issue.record("not an object"); return }
        members[PayloadKey.signer.rawValue] = .keyed([PayloadKey.Signer.keyID: .string(tests.records.key.identity.keyID), .name: .string("Ailsa Grant"),
                                                      .role: .string("manager")])
        let envelope = try Envelope.sign(payload: CanonicalValue.object(members).encoded, type: Envelope.assessmentType, with: tests.records.key)
        #expect(throws: SignedRecordContent.Unreadable.self) { try SignedRecordContent(envelope: envelope, form: records.form) }
    }

    /// A public key file naming a role Blether does not have is refused, with the file named.
    @Test(arguments: ["manager", "Worker", "team leader", ""])
    func anUnknownRoleInAKeyFileIsRefusedWithTheFile(role: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-roles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("colleague-key.json")
        let publicKey = tests.leader.identity.publicKey
        try Data(#"{"name":"Rhona Baird","publicKey":"\#(publicKey)","role":"\#(role)"}"#.utf8).write(to: file)
        let keys = KeyStore(dataDirectory: directory)
        #expect {
            try keys.trust(publicKeyFile: file)
        } throws: { error in
            guard case .notAPublicKey(let path, let reason) = error as? KeyStore.Problem else { return false }
            return path == file.path && reason.contains("\"\(role)\"") && reason.contains("team-leader")
        }
        #expect(try keys.trustedIdentities().isEmpty, "nothing was trusted")
    }

    /// The worker's own signing-key file, edited to another role, is refused with the file named — not opened as a worker's.
    @Test func anUnknownRoleInTheOwnKeyFileIsRefusedWithTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-roles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = KeyStore(dataDirectory: directory)
        try keys.saveOwnKey(try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).file)
        let url = keys.directory.appendingPathComponent("signing-key.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"worker\""))
        try text.replacingOccurrences(of: "\"worker\"", with: "\"Manager\"").write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try keys.ownKey()
        } throws: { error in
            guard let problem = error as? KeyStore.Problem, case .unreadable(let path, let reason) = problem else { return false }
            return path == url.path && reason.contains("\"Manager\"") && "\(problem)".hasPrefix(url.path + ": ")
        }
    }

    @Test func everyRoleAKeyMayHaveIsTrusted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-roles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for role in SignerRole.allCases {
            let made = try WorkerKeyFile.create(name: "Jo \(role.rawValue)", role: role, passphrase: "a long enough passphrase", rounds: 1 << 10)
            let file = directory.appendingPathComponent("\(role.rawValue).json")
            try JSONEncoder().encode(made.file.identity).write(to: file)
            #expect(try KeyStore(dataDirectory: directory).trust(publicKeyFile: file).role == role)
        }
    }
}
