import BletherCore
import BletherForms
import BletherRecords
import Foundation
import Testing

/// `blether list` and the home list say whether the budget is agreed the same way, whether the
/// worker approved it within their own limit or a team leader approved it.
@Suite struct BudgetListingTests {
    let tests = DecisionRevisionTests()
    let catalog = FormLibrary.load(from: ContentLocation.shipped(executable: URL(fileURLWithPath: #filePath))).catalog(language: "en-GB")

    func state(_ envelope: Envelope) throws -> ConversationState? {
        ConversationState.of(payload: try CanonicalValue(decoding: envelope.payload), awaitingCountersignature: false)
    }

    @Test func aBudgetTheWorkerApprovedIsListedAsOneATeamLeaderApproved() throws {
        let byWorker = try tests.referred(option: "option-2", decision: "approved")
        let referral = try tests.referred()
        let byLeader = try DecisionRevision(after: referral, number: 2, decider: tests.leader.identity, outcome: .approved, reasons: "",
                                            installedRules: { _, _ in "0" }, at: Date())
        let decided = try Envelope.sign(payload: byLeader.payload.encoded, type: Envelope.assessmentType, with: tests.leader)
        #expect(try state(byWorker) == .approved)
        #expect(try state(referral) == .referred)
        #expect(try state(decided) == .approved)
        let words = try #require(catalog)
        #expect(words.conversationState(try #require(try state(byWorker))) == "approved")
        // verify reads the same state from the record as list shows.
        let verified = RevisionVerifier(trusted: [tests.records.key.identity]).verify(record: "k7m2qx9a", envelopes: [byWorker.encoded])
        #expect(verified.failure == nil && verified.listedState == .approved, "\(String(describing: verified.failure))")
    }
}
