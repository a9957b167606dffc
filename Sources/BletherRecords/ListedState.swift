/// Where a signed record stands, as its latest signed revision says: the state `blether list`
/// shows, which `blether verify` checks the store's copy against (the store's is not signed).
///
/// ```swift
/// let state = ListedState.of(payload: try CanonicalValue(decoding: latest.payload), awaitingCountersignature: false)
/// ```
public enum ListedState: String, Sendable, CaseIterable {
    case signed
    /// Above the worker's limit: waiting for a team leader's or service manager's decision.
    case referred
    case approved
    case refused
    /// The agreement needs an advocate's or witness's countersignature, and has none yet.
    case awaitingCountersignature = "awaiting-countersignature"

    /// The state a revision's payload puts its record in; `nil` for a decision whose outcome is not one Blether writes.
    /// A referral comes before a missing countersignature: the decision is the more pressing step.
    public static func of(payload: CanonicalValue, awaitingCountersignature: Bool) -> ListedState? {
        if let decision = payload["decision"] {
            guard let outcome = decision["outcome"]?.string, let state = ListedState(rawValue: outcome),
                  state == .approved || state == .refused else { return nil }
            return state
        }
        if payload["costing"]?["referred"]?.bool == true { return .referred }
        return awaitingCountersignature ? .awaitingCountersignature : .signed
    }
}
