import BletherCore
import BletherRecords
import Foundation
import Testing

/// A team leader's or service manager's decision on a referred budget, as a signed revision.
@Suite struct DecisionRevisionTests {
    let records = RecordCopyTests()
    static func key(_ name: String, _ role: SignerRole) -> UnlockedKey {
        try! WorkerKeyFile.create(name: name, role: role, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    }
    let leader = DecisionRevisionTests.key("Rhona Baird", .teamLeader)
    let manager = DecisionRevisionTests.key("Euan Ross", .serviceManager)

    /// Option 4, referred: 3 h a week of a personal assistant as Option 4 (£19.00) and an alarm: £2,972.14 + £120.00.
    func referred(option: String = "option-4", decision: String = "referred", plan: [SupportPlan.Line]? = nil) throws -> Envelope {
        var session = try records.fullSession(option: option, decision: decision)
        if let plan { _ = try session.handle(.answer(question: "support-plan", value: .supportPlan(plan)), at: Date()) }
        return try records.signed(language: "en-GB", session: session)
    }

    @Test func aRefusalIsSignedByTheDeciderAndVerifiesAsTheNextRevision() throws {
        let first = try referred()
        let decision = try DecisionRevision(after: first, number: 2, decider: leader.identity, outcome: .refused, reasons: "  Not needed \u{1B}now. ", installedRules: { _, _ in "0" }, at: Date())
        let second = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: leader)
        #expect(decision.payload["prev"]?.string == first.revisionID)
        #expect(decision.payload["decision"]?["reasons"]?.string == "Not needed now.", "reasons are cleaned of control characters and trimmed")
        #expect(decision.payload["decision"]?["amountPence"]?.integer == 3_092_14)
        let result = RevisionVerifier(trusted: [records.key.identity, leader.identity]).verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded])
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.signers.last == ["Rhona Baird (team-leader)"])
        // Without the team leader's key trusted, the decision does not verify.
        #expect(RevisionVerifier(trusted: [records.key.identity]).verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded]).failure != nil)
    }

    @Test func aRefusalWithoutReasonsIsNotAccepted() throws {
        for blank in [" \n ", "\u{200B}\u{2060}", " — . ", "\u{3164}\u{115F}\u{FFA0}", "0"] {
            #expect(throws: DecisionRevision.Problem.noReasons, "\(blank.unicodeScalars.map(\.value))") {
                try DecisionRevision(after: try referred(), number: 2, decider: leader.identity, outcome: .refused, reasons: blank, installedRules: { _, _ in "0" }, at: Date())
            }
        }
        // Approving may go without reasons beyond the worker's.
        _ = try DecisionRevision(after: try referred(), number: 2, decider: leader.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
    }

    @Test func onlyATeamLeaderOrServiceManagerWithinTheirLimitDecides() throws {
        #expect(throws: DecisionRevision.Problem.notADecider(role: .worker)) {
            try DecisionRevision(after: try referred(), number: 2, decider: records.key.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        }
        #expect(throws: DecisionRevision.Problem.notADecider(role: .advocate)) {
            try DecisionRevision(after: try referred(), number: 2, decider: Self.key("Jo", .advocate).identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        }
        // 30 h of a provider under Option 3: 30 × £21.80 = £654.00 a week; × 365 ÷ 7 = £34,101.43, above the team leader's £25,000.
        let large = try referred(option: "option-3", plan: [SupportPlan.Line(support: "provider-hour", quantity: 30, frequency: .perWeek)])
        #expect(throws: DecisionRevision.Problem.aboveLimit(amount: Money(pence: 34_101_43), limit: Money(pence: 25_000_00), role: .teamLeader)) {
            try DecisionRevision(after: large, number: 2, decider: leader.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        }
        _ = try DecisionRevision(after: large, number: 2, decider: manager.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
    }

    @Test func aBudgetTheWorkerDecidedOrOneAlreadyDecidedIsNotDecidedAgain() throws {
        #expect(throws: DecisionRevision.Problem.notReferred) {
            try DecisionRevision(after: try referred(option: "option-2", decision: "approved"), number: 2, decider: leader.identity,
                                 outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        }
        let decided = try DecisionRevision(after: try referred(), number: 2, decider: leader.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        let second = try Envelope.sign(payload: decided.payload.encoded, type: Envelope.assessmentType, with: leader)
        #expect(throws: DecisionRevision.Problem.alreadyDecided(outcome: .approved, by: "Rhona Baird")) {
            try DecisionRevision(after: second, number: 3, decider: manager.identity, outcome: .refused, reasons: "No.", installedRules: { _, _ in "0" }, at: Date())
        }
    }
}

/// What makes a decision stand: signed by a key trusted as a team leader or service manager
/// (not by whoever referred it), and only for the costing it decided.
@Suite struct DecisionTrustTests {
    let records = RecordCopyTests()
    let tests = DecisionRevisionTests()

    @Test func aKeyFileClaimingARoleItIsNotTrustedWithDoesNotVerify() throws {
        let first = try tests.referred()
        // A worker's second key, whose file says "service-manager", but which is trusted here as a worker.
        let impostor = DecisionRevisionTests.key("Ailsa Grant", .serviceManager)
        let trustedAs = KeyIdentity(name: "Ailsa Grant", role: .worker, publicKey: impostor.identity.publicKey)
        let decision = try DecisionRevision(after: first, number: 2, decider: impostor.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        let second = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: impostor)
        let result = RevisionVerifier(trusted: [tests.records.key.identity, trustedAs]).verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded])
        #expect(result.failure?.reason == .decisionNotByDecider(name: "Ailsa Grant"))
        // Deciding as the identity trusted here is refused outright.
        #expect(throws: DecisionRevision.Problem.notADecider(role: .worker)) {
            try DecisionRevision(after: first, number: 2, decider: trustedAs, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        }
    }

    @Test func whoeverSignedTheReferralCannotDecideIt() throws {
        // A team leader who held the conversation and referred it cannot approve it too.
        var session = try records.fullSession(option: "option-4", decision: "referred")
        _ = try session.handle(.answer(question: "support-plan", value: .supportPlan([
            SupportPlan.Line(support: "provider-hour", quantity: 30, frequency: .perWeek),
        ])), at: Date())
        let leader = tests.leader
        let costing = try CostingRecord(costing: try #require(ConversationCosting(session: session)), words: records.words("en-GB"), rulesSHA256: "0")
        let payload = AssessmentPayload(record: "k7m2qx9a", revision: 1, previous: nil, form: records.form, formSHA256: "0", person: "Morag Campbell",
                                        language: "en-GB", session: session, readBack: nil, signer: leader.identity, sealedAt: Date(), costing: costing)
        let first = try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: leader)
        #expect(throws: DecisionRevision.Problem.ownReferral) {
            try DecisionRevision(after: first, number: 2, decider: leader.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        }
    }

    @Test func aDecisionStaysOnlyWithTheCostingItDecided() throws {
        let first = try tests.referred()
        let decided = try DecisionRevision(after: first, number: 2, decider: tests.leader.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        let second = try Envelope.sign(payload: decided.payload.encoded, type: Envelope.assessmentType, with: tests.leader)
        let session = try records.fullSession(option: "option-4", decision: "referred")
        let same = try CostingRecord(costing: try #require(ConversationCosting(session: session)), words: records.words("gd"), rulesSHA256: "0")
        #expect(try DecisionRevision.decision(inEnvelope: second.encoded, stillFor: same)?["outcome"]?.string == "approved",
                "the same costing, explained in another language, keeps its decision")
        var changed = session
        _ = try changed.handle(.answer(question: "chosen-option", value: .choice("option-3", other: nil)), at: Date())
        let other = try CostingRecord(costing: try #require(ConversationCosting(session: changed)), words: records.words("en-GB"), rulesSHA256: "0")
        #expect(try DecisionRevision.decision(inEnvelope: second.encoded, stillFor: other) == nil, "another option is decided afresh")
    }

    /// `payload` with `member` of its `block` object replaced.
    func replacing(_ payload: CanonicalValue, in block: String, _ member: String, with value: CanonicalValue) -> CanonicalValue {
        guard case .object(var top) = payload, case .object(var inner)? = top[block] else {
            Issue.record("the payload has no \(block)")
            return payload
        }
        inner[member] = value
        top[block] = .object(inner)
        return .object(top)
    }

    @Test func aDecisionNotAsCostedOrKeptForAnotherCostingDoesNotVerify() throws {
        let first = try tests.referred()
        let trusted = [tests.records.key.identity, tests.leader.identity]
        let decided = try DecisionRevision(after: first, number: 2, decider: tests.leader.identity, outcome: .approved, reasons: "", installedRules: { _, _ in "0" }, at: Date())
        // Signed by the team leader, but claiming a service manager's limit for a larger amount.
        let inflated = replacing(replacing(decided.payload, in: "decision", "amountPence", with: .integer(90_000_00)),
                                 in: "decision", "limitPence", with: .integer(100_000_00))
        let forged = try Envelope.sign(payload: inflated.encoded, type: Envelope.assessmentType, with: tests.leader)
        #expect(RevisionVerifier(trusted: trusted).verify(record: "k7m2qx9a", envelopes: [first.encoded, forged.encoded]).failure?.reason == .decisionNotAsCosted)

        // The worker signs a third revision keeping the approval but with ten times the amount.
        let second = try Envelope.sign(payload: decided.payload.encoded, type: Envelope.assessmentType, with: tests.leader)
        var third = replacing(decided.payload, in: "costing", "amountPence", with: .object(["option-4": .integer(30_921_40)]))
        guard case .object(var top) = third else { return }
        top["revision"] = .integer(3)
        top["prev"] = .string(second.revisionID)
        top["signer"] = .object(["keyID": .string(tests.records.key.identity.keyID), "name": .string("Ailsa Grant"), "role": .string("worker")])
        third = .object(top)
        let kept = try Envelope.sign(payload: third.encoded, type: Envelope.assessmentType, with: tests.records.key)
        let result = RevisionVerifier(trusted: trusted).verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded, kept.encoded])
        #expect(result.failure?.revision == 3 && result.failure?.reason == .decisionOutdated)
    }

    @Test func aRecordCostedWithRulesNotInstalledHereIsNotDecided() throws {
        let first = try tests.referred()
        for installed in ["another file", nil] as [String?] {
            #expect(throws: DecisionRevision.Problem.rulesDiffer(id: "example-rate-card", version: 2)) {
                try DecisionRevision(after: first, number: 2, decider: tests.leader.identity, outcome: .approved, reasons: "",
                                     installedRules: { _, _ in installed }, at: Date())
            }
        }
    }

    @Test func wordsAreNeededForAReason() {
        #expect(AnswerText.hasWords("Not needed now") && AnswerText.hasWords("不需要") && AnswerText.hasWords("ضرورت نہیں"))
        #expect(!AnswerText.hasWords("\u{200B}\u{3164}\u{115F}\u{FFA0}") && !AnswerText.hasWords("0") && !AnswerText.hasWords(" — ."))
    }
}
