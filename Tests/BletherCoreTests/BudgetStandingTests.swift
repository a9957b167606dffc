import BletherCore
import Testing

/// One rule says how a signed record is listed: whether its budget is agreed is said the same
/// way whoever agreed it.
@Suite struct BudgetStandingTests {
    @Test func aBudgetAgreedIsListedApprovedWhoeverApprovedIt() {
        let byWorker = ConversationState.listed(budget: .approvedWithinWorkerLimit, awaitingCountersignature: false)
        let byDecider = ConversationState.listed(budget: .decided(.approved), awaitingCountersignature: false)
        #expect(byWorker == .approved)
        #expect(byWorker == byDecider)
    }

    @Test func everyStandingHasItsState() {
        #expect(ConversationState.listed(budget: .notCosted, awaitingCountersignature: false) == .signed)
        #expect(ConversationState.listed(budget: .referred, awaitingCountersignature: false) == .referred)
        #expect(ConversationState.listed(budget: .decided(.refused), awaitingCountersignature: false) == .refused)
    }

    /// A countersignature still to give is the step to take, before an approval the worker made;
    /// a referral still comes first, as it did.
    @Test func anAwaitedCountersignatureIsSaidUntilItIsGiven() {
        #expect(ConversationState.listed(budget: .approvedWithinWorkerLimit, awaitingCountersignature: true) == .awaitingCountersignature)
        #expect(ConversationState.listed(budget: .notCosted, awaitingCountersignature: true) == .awaitingCountersignature)
        #expect(ConversationState.listed(budget: .referred, awaitingCountersignature: true) == .referred)
    }
}
