/// The rules the costing puts on the costing questions, over and above the form's own
/// constraints; a failure is reported, and keeps its section open, like any constraint.
extension Session {
    /// Whether `value` may stand as the answer to `questionID` given the costing:
    /// - the **plan** may name only support types on the chosen rules' rate card;
    /// - the **option** chosen (or deemed) must be one the plan can be costed under;
    /// - the **decision** may be "approved" only within the worker's delegated limit.
    ///
    /// ```swift
    /// session.costingAllows("decision", .choice("approved", other: nil))   // false above £8,000
    /// ```
    func costingAllows(_ questionID: String, _ value: AnswerValue) -> Bool {
        guard let questions = form.costing, [questions.plan, questions.option, questions.decision].contains(questionID) else { return true }
        // A saved answer is checked as it stands (every redraw does this); a new one on a copy.
        var trial = self
        if answers[questionID]?.value != value { trial.answers[questionID] = Answer(value: value, speaker: speaker, at: .distantPast) }
        let approving = questionID == questions.decision && value == .choice(CostingQuestions.approved, other: nil)
        guard let costing = ConversationCosting(session: trial) else { return !approving }
        switch questionID {
        case questions.plan:
            return costing.rules.rates.isEmpty || costing.plan.lines.allSatisfy { costing.rules.rate(id: $0.support) != nil }
        case questions.option:
            // A plan that cannot be costed at all is the plan's problem, said there.
            guard let option = costing.arrangement?.option, !costing.plan.lines.isEmpty, let result = try? costing.result() else { return true }
            return result.amounts[option] != nil
        default:
            guard approving else { return true }
            guard let option = costing.arrangement?.option, let result = try? costing.result() else { return false }
            return result.decider[option] == .worker
        }
    }
}
