/// The questions of a form that hold its costing, named in the form file's `costing:` block:
/// which council rules, the support plan, the SDS option chosen, and the decision.
///
/// ```yaml
/// costing:
///   rules: costing-rules        # a choice of rules ids
///   plan: support-plan          # kind: support-plan
///   option: chosen-option       # choices option-1 … option-4 and no-choice
///   decision: decision          # choices approved and referred
///   explained: budget-explained # yes/no: the explanation was gone through
/// ```
public struct CostingQuestions: Sendable, Equatable {
    public let rules: String
    public let plan: String
    public let option: String
    public let decision: String
    /// Yes/no: the explanation was gone through with the person; "yes" only once it has been shown.
    public let explained: String

    public init(rules: String, plan: String, option: String, decision: String, explained: String) {
        self.explained = explained
        self.rules = rules
        self.plan = plan
        self.option = option
        self.decision = decision
    }

    /// The option answer that means the person made no choice (recorded as deemed Option 3).
    public static let noChoice = "no-choice"
    /// The decision answers: decided within the worker's limit, or referred above it.
    public static let approved = "approved"
    public static let referred = "referred"
}
