import BletherCore
import BletherForms
import BletherRecords
import BletherTestSupport
import Foundation
import Testing

/// The summary and the easy read say where the budget stands: an amount referred to a manager is
/// an estimate not yet agreed, and a refused one is never "your budget".
@Suite struct PersonSummaryStandingTests {
    let copies = RecordCopyTests()

    /// A referred Option 4 budget as first signed, and the same refused by a team leader.
    func referredAndRefused() throws -> (referred: RecordCopy, refused: RecordCopy) {
        let session = try copies.fullSession(option: "option-4", decision: "referred")
        let first = try copies.signed(language: "en-GB", session: session)
        let leader = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the team leader's words", rounds: 1 << 10).key
        let decision = try DecisionRevision(after: first, number: 2, decider: leader.identity, outcome: .refused,
                                            reasons: "A community alarm is already fitted by the housing association.",
                                            installedRules: { _, _ in "0" }, at: Date(timeIntervalSince1970: 1_800_100_000))
        let envelope = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: leader)
        let earlier = try SignedRevision(envelope: first, form: copies.form, trusted: [copies.key.identity])
        let refused = RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [leader.identity]),
                                 earlier: [earlier], words: copies.words("en-GB"))
        return (RecordCopy(revision: earlier, earlier: [], words: copies.words("en-GB")), refused)
    }

    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func aReferredBudgetIsAnEstimateNotYetAgreed() throws {
        let copy = try referredAndRefused().referred
        let summary = flat(copy.text(of: copy.personSummary))
        #expect(!summary.contains("Your budget is £"))
        #expect(summary.contains("The budget worked out so far is £"))
        #expect(summary.contains("A manager will decide it; until then it is not agreed."))
        #expect(!summary.contains("may be spent on") && !summary.contains("You pay £"))
        let easy = flat(copy.text(of: copy.easyRead))
        #expect(!easy.contains("Your budget is £") && !easy.contains("You can spend it"))
        #expect(easy.contains("We worked out a budget of £") && easy.contains("It is not agreed yet."))
        try copies.expectGolden(copy.text(of: copy.personSummary), named: "summary-referred-en-GB.txt", fingerprint: "(no fingerprint on the summary)")
        try copies.expectGolden(copy.text(of: copy.easyRead), named: "easy-read-referred-en-GB.txt", fingerprint: KeyIdentity.fingerprint(of: copy.content.revisionID))
    }

    @Test func aRefusedBudgetIsNeverYourBudget() throws {
        let copy = try referredAndRefused().refused
        let summary = flat(copy.text(of: copy.personSummary))
        #expect(!summary.contains("Your budget is £") && !summary.contains("may be spent on") && !summary.contains("You pay £"))
        let notAgreed = try #require(summary.range(of: "The budget worked out for you was not agreed."))
        let why = try #require(summary.range(of: "A community alarm is already fitted"))
        let challenge = try #require(summary.range(of: "If you disagree with a decision"))
        #expect(notAgreed.upperBound < why.lowerBound && why.upperBound < challenge.lowerBound)
        #expect(summary.components(separatedBy: "A community alarm is already fitted").count == 2, "the reasons are said once")
        let easy = flat(copy.text(of: copy.easyRead))
        #expect(!easy.contains("Your budget is £") && !easy.contains("You can spend it") && !easy.contains("You pay"))
        let easyNotAgreed = try #require(easy.range(of: "Your budget is not agreed."))
        let easyWhy = try #require(easy.range(of: "A community alarm is already fitted"))
        #expect(easyNotAgreed.upperBound < easyWhy.lowerBound)
        #expect(!easy[..<easyNotAgreed.lowerBound].contains("£"), "no amount is said before it is said to be not agreed")
        // What will help with an outcome is said, but never that a refused budget may pay for it.
        #expect(summary.contains("What will help: Personal assistant."), "\(summary)")
        #expect(!summary.contains("budget may pay") && !summary.contains("your budget pays for"), "\(summary)")
        #expect(!easy.contains("budget may pay") && !easy.contains("Your budget may pay") && !easy.contains("budget pays"), "\(easy)")
    }

    /// Every new easy-read sentence keeps to fifteen words, in every catalog.
    @Test(arguments: ["en-GB", "gd", "pl", "zh-Hans", "ur"])
    func theNewEasySentencesAreShort(language: String) throws {
        let catalog = copies.words(language).catalog
        for key: UIText in [.easyBudgetReferred, .easyContributionReferred, .easyNoContributionReferred] {
            let words = catalog.text(key, ["amount": "£1.00"]).split(whereSeparator: \.isWhitespace)
            #expect(words.count <= 15, "\(language) \(key.rawValue)")
        }
    }
}
