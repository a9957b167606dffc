/// What a team leader or service manager decided about a referred budget. Written into the
/// signed decision by its raw value; a signed decision with any other outcome does not read,
/// and is never taken for an approval.
///
/// ```swift
/// let outcome: DecisionOutcome = .refused
/// store.state == outcome.state
/// ```
package enum DecisionOutcome: String, Sendable, Hashable, CaseIterable {
    case approved
    case refused

    /// The state a record is listed in once this decision is signed.
    package var state: ConversationState {
        switch self {
        case .approved: .approved
        case .refused: .refused
        }
    }
}
