/// A `relevant` or `constraint` expression from a form, parsed.
///
/// The grammar (documented for authors in `forms/README.md`):
///
/// ```
/// condition  := or
/// or         := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | primary
/// primary    := '(' condition ')'
///             | operand 'is' ['not'] 'answered'
///             | string 'in' question
///             | operand comparator operand
/// comparator := '=' | '!=' | '<' | '<=' | '>' | '>='
/// operand    := question-id | '.' | number | 'text' | yes | no
/// ```
///
/// ```swift
/// let condition = try Condition(parsing: "has_carer = yes and 'transport' in needs")
/// ```
package indirect enum Condition: Sendable, Equatable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case compare(ConditionOperand, Comparator, ConditionOperand)
    case isAnswered(ConditionOperand)
    /// `'choice' in question`: the multiple choice question includes this choice.
    case includes(question: String, choice: String)

    package enum Comparator: String, Sendable, Equatable, CaseIterable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// The question ids this condition reads.
    package var questionReferences: [String] {
        switch self {
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.questionReferences + rhs.questionReferences
        case .not(let inner): inner.questionReferences
        case .compare(let lhs, _, let rhs): [lhs.questionID, rhs.questionID].compactMap { $0 }
        case .isAnswered(let operand): [operand.questionID].compactMap { $0 }
        case .includes(let question, _): [question]
        }
    }

    /// Whether the condition uses `.`, the answer being given (allowed in constraints only).
    package var usesCurrentAnswer: Bool {
        switch self {
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.usesCurrentAnswer || rhs.usesCurrentAnswer
        case .not(let inner): inner.usesCurrentAnswer
        case .compare(let lhs, _, let rhs): lhs == .currentAnswer || rhs == .currentAnswer
        case .isAnswered(let operand): operand == .currentAnswer
        case .includes: false
        }
    }
}

/// One side of a comparison in a ``Condition``.
package enum ConditionOperand: Sendable, Equatable {
    case question(String)
    /// `.`: the answer being checked by a constraint.
    case currentAnswer
    /// A number as written, such as `3` or `12.50`; compared in hundredths.
    case number(hundredths: Int)
    case string(String)
    case bool(Bool)

    package var questionID: String? {
        if case .question(let id) = self { return id }
        return nil
    }
}
