/// Where a signed record's budget stands, as its latest revision says: not costed at all,
/// approved by the worker within their own delegated limit, referred above it, or decided by
/// a team leader or service manager. What `blether list` and the home list show follows from
/// it by one rule (``ConversationState/listed(budget:awaitingCountersignature:)``), so a budget
/// agreed is listed the same way whoever agreed it.
///
/// ```swift
/// let state = ConversationState.listed(budget: .approvedWithinWorkerLimit, awaitingCountersignature: false)  // .approved
/// ```
package enum BudgetStanding: Sendable, Hashable {
    /// The record has no costing (a form that costs nothing, or no rules chosen).
    case notCosted
    /// The worker recorded the decision as approved, within their own limit.
    case approvedWithinWorkerLimit
    /// Above the worker's limit: waiting for a team leader's or service manager's decision.
    case referred
    /// A team leader or service manager decided, in a signed decision revision.
    case decided(DecisionOutcome)
}

extension ConversationState {
    /// The state a signed record is listed in. The budget's standing comes first — referred,
    /// approved or refused, the same word whether the worker approved within their limit or a
    /// decider did — except that an agreement still waiting for an advocate's or witness's
    /// countersignature is said before an approval the worker made themselves (countersigning
    /// is the step still to take). A record with no costing is `signed`.
    package static func listed(budget: BudgetStanding, awaitingCountersignature: Bool) -> ConversationState {
        switch budget {
        case .decided(let outcome): outcome.state
        case .referred: .referred
        case .approvedWithinWorkerLimit: awaitingCountersignature ? .awaitingCountersignature : .approved
        case .notCosted: awaitingCountersignature ? .awaitingCountersignature : .signed
        }
    }
}
