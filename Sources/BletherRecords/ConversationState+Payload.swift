import BletherCore

extension ConversationState {
    /// The state a revision's payload puts its record in: what `blether list` shows, and what
    /// `blether verify` checks the store's (unsigned) copy against. `nil` for a decision whose
    /// outcome is not one Blether writes. A referral comes before a missing countersignature:
    /// the decision is the more pressing step.
    ///
    /// ```swift
    /// let state = ConversationState.of(payload: try CanonicalValue(decoding: latest.payload), awaitingCountersignature: false)
    /// ```
    package static func of(payload: CanonicalValue, awaitingCountersignature: Bool) -> ConversationState? {
        if let decision = payload[PayloadKey.decision] {
            return decision[PayloadKey.Decision.outcome]?.string.flatMap(DecisionOutcome.init(rawValue:))?.state
        }
        if payload[PayloadKey.costing]?[PayloadKey.Costing.referred]?.bool == true { return .referred }
        return awaitingCountersignature ? .awaitingCountersignature : .signed
    }
}
