/// Where a conversation stands, as the store lists it: `draft` until its record is signed,
/// then `signed`; a signed record whose budget is above the worker's limit is `referred`
/// until a team leader or service manager has `approved` or `refused` it; one whose
/// agreement needs witnessing is `awaiting-countersignature` until an advocate or witness
/// countersigns it. Stored by its raw value; a stored value not listed here is a damaged
/// conversation, never taken for another state.
///
/// ```swift
/// if summary.state == .referred { /* offer the decision */ }
/// ```
package enum ConversationState: String, Sendable, Hashable, CaseIterable {
    case draft
    case signed
    /// Above the worker's limit: waiting for a team leader's or service manager's decision.
    case referred
    case approved
    case refused
    /// The agreement needs an advocate's or witness's countersignature, and has none yet.
    case awaitingCountersignature = "awaiting-countersignature"

    /// Whether a record has been signed (every state but `draft`).
    package var isSigned: Bool { self != .draft }

    /// Whether a team leader or service manager has decided, or may decide, the budget.
    package var isReferredOrDecided: Bool { self == .referred || self == .approved || self == .refused }
}
