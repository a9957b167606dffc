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
package struct CostingQuestions: Sendable, Equatable {
    package let rules: String
    package let plan: String
    package let option: String
    package let decision: String
    /// Yes/no: the explanation was gone through with the person; "yes" only once it has been shown.
    package let explained: String

    package init(rules: String, plan: String, option: String, decision: String, explained: String) {
        self.explained = explained
        self.rules = rules
        self.plan = plan
        self.option = option
        self.decision = decision
    }

    /// The option answer that means the person made no choice (recorded as deemed Option 3).
    package static let noChoice = "no-choice"
    /// The decision answers: decided within the worker's limit, or referred above it.
    package static let approved = "approved"
    package static let referred = "referred"
}
