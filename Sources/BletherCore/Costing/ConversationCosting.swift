/// A conversation's costing as it stands: the rules chosen, the support plan written, the
/// SDS option chosen (or deemed), and the figures worked out from them.
///
/// ```swift
/// if let costing = ConversationCosting(session: session) {
///     let result = try costing.result()
///     result.amounts[costing.arrangement?.option ?? .option3]
/// }
/// ```
package struct ConversationCosting: Sendable {
    package let questions: CostingQuestions
    package let rules: CostingRules
    package let plan: SupportPlan
    package let session: Session

    /// `nil` until the form costs support and the rules to cost it by have been chosen.
    package init?(session: Session) {
        guard let questions = session.form.costing,
              case .choice(let rulesID?, _)? = session.answerValues[questions.rules],
              let rules = session.form.costingRules(id: rulesID) else { return nil }
        self.questions = questions
        self.rules = rules
        self.session = session
        if case .supportPlan(let lines)? = session.answerValues[questions.plan] { plan = SupportPlan(lines: lines) } else { plan = SupportPlan(lines: []) }
    }

    package func result() throws(CostingCalculation.Problem) -> CostingCalculation.Result {
        try CostingCalculation(rules: rules, session: session, plan: plan).result()
    }

    /// How the person chose to arrange their support, once the option question is answered.
    package var arrangement: Arrangement? {
        guard case .choice(let id?, _)? = session.answerValues[questions.option] else { return nil }
        if id == CostingQuestions.noChoice { return Arrangement(option: .option3, isDeemed: true) }
        return SDSOption(rawValue: id).map { Arrangement(option: $0, isDeemed: false) }
    }

    /// The option the decision is about: the one chosen, or deemed Option 3.
    package struct Arrangement: Sendable, Equatable {
        package let option: SDSOption
        /// The person made no choice, so the Act's default, Option 3, is recorded.
        package let isDeemed: Bool

        package init(option: SDSOption, isDeemed: Bool) {
            self.option = option
            self.isDeemed = isDeemed
        }
    }

    /// Whether the decision answer says the record is referred above the worker's limit.
    package var isReferred: Bool {
        if case .choice(CostingQuestions.referred?, _)? = session.answerValues[questions.decision] { return true }
        return false
    }
}
