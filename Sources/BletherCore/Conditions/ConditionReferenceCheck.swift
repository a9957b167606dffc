/// Something a condition says that does not fit its form, found before anyone answers.
package enum ConditionReferenceProblem: Equatable, Sendable {
    case unknownQuestion(String)
    /// `.` used in a `relevant` condition, where there is no answer being given.
    case currentAnswerOutsideConstraint
    case refersToItself(String)
    case notMultipleChoice(question: String)
    case unknownChoice(question: String, choice: String)

    /// The problem in words, for `forms check`.
    package var message: String {
        switch self {
        case .unknownQuestion(let id):
            "the condition names '\(id)', which is not a question in this form"
        case .currentAnswerOutsideConstraint:
            "'.' (the answer being given) can only be used in a constraint — name the question by its id instead"
        case .refersToItself(let id):
            "the relevant condition of '\(id)' depends on '\(id)' itself — a question cannot decide whether it is shown"
        case .notMultipleChoice(let id):
            "'in' needs a multiple choice question, but '\(id)' is not one — use = for a single choice"
        case .unknownChoice(let question, let choice):
            "'\(choice)' is not one of the choices of '\(question)' — use one of its choice ids (or 'other')"
        }
    }
}

extension Condition {
    /// Checks the names and choices this condition uses against `form`.
    ///
    /// - Parameters:
    ///   - question: the question the condition belongs to.
    ///   - isConstraint: whether `.` is allowed.
    package func referenceProblems(in form: Form, for question: String, isConstraint: Bool) -> [ConditionReferenceProblem] {
        var problems: [ConditionReferenceProblem] = []
        if usesCurrentAnswer && !isConstraint { problems.append(.currentAnswerOutsideConstraint) }
        for id in questionReferences where form.question(id: id) == nil {
            problems.append(.unknownQuestion(id))
        }
        if !isConstraint && questionReferences.contains(question) { problems.append(.refersToItself(question)) }
        collectChoiceProblems(in: form, into: &problems)
        return problems
    }

    private func collectChoiceProblems(in form: Form, into problems: inout [ConditionReferenceProblem]) {
        switch self {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            lhs.collectChoiceProblems(in: form, into: &problems)
            rhs.collectChoiceProblems(in: form, into: &problems)
        case .not(let inner):
            inner.collectChoiceProblems(in: form, into: &problems)
        case .includes(let id, let choice):
            guard let question = form.question(id: id) else { return }
            guard case .multipleChoice(let choices, _) = question.kind else {
                problems.append(.notMultipleChoice(question: id)); return
            }
            if !choices.contains(choice) && choice != "other" { problems.append(.unknownChoice(question: id, choice: choice)) }
        case .compare(let lhs, _, let rhs):
            for (side, other) in [(lhs, rhs), (rhs, lhs)] {
                guard case .question(let id) = side, case .string(let choice) = other,
                      let question = form.question(id: id), case .singleChoice(let choices, _) = question.kind else { continue }
                if !choices.contains(choice) && choice != "other" { problems.append(.unknownChoice(question: id, choice: choice)) }
            }
        case .isAnswered:
            break
        }
    }
}
