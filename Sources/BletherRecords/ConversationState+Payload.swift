import BletherCore

extension ConversationState {
    /// The state a revision's payload puts its record in: what `blether list` shows, and what
    /// `blether verify` checks the store's (unsigned) copy against, by the one rule of
    /// ``ConversationState/listed(budget:awaitingCountersignature:)``. `nil` for a decision whose
    /// outcome is not one Blether writes.
    ///
    /// ```swift
    /// let state = ConversationState.of(payload: try CanonicalValue(decoding: latest.payload), awaitingCountersignature: false)
    /// ```
    package static func of(payload: CanonicalValue, awaitingCountersignature: Bool) -> ConversationState? {
        guard let budget = BudgetStanding.of(payload: payload) else { return nil }
        return listed(budget: budget, awaitingCountersignature: awaitingCountersignature)
    }
}

extension BudgetStanding {
    /// Where the budget stands in a revision's payload; `nil` for a decision whose outcome is
    /// not one Blether writes. A costing that is not referred was approved by the worker: the
    /// form's decision question allows only approved or referred, and is required.
    package static func of(payload: CanonicalValue) -> BudgetStanding? {
        if let decision = payload[PayloadKey.decision] {
            return decision[PayloadKey.Decision.outcome]?.string.flatMap(DecisionOutcome.init(rawValue:)).map(BudgetStanding.decided)
        }
        guard let costing = payload[PayloadKey.costing] else { return .notCosted }
        return costing[PayloadKey.Costing.referred]?.bool == true ? .referred : .approvedWithinWorkerLimit
    }
}
