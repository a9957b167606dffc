/// Evaluates a ``Condition`` against the answers given so far.
///
/// A comparison that reads an unanswered question is false, so `not (x = 'a')` holds
/// while `x` is unanswered. Numbers and money compare in hundredths; dates compare with
/// quoted ISO or UK dates; single choices compare with a quoted choice id (`'other'` for
/// something else); yes/no questions compare with `yes` and `no`.
///
/// ```swift
/// let show = ConditionEvaluator(form: form, answers: values).holds(question.relevant!)
/// ```
package struct ConditionEvaluator: Sendable {
    package let form: Form
    package let answers: [String: AnswerValue]
    /// The answer a constraint is checking, read by `.`.
    package let currentAnswer: AnswerValue?

    package init(form: Form, answers: [String: AnswerValue], currentAnswer: AnswerValue? = nil) {
        self.form = form
        self.answers = answers
        self.currentAnswer = currentAnswer
    }

    package func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .and(let lhs, let rhs): return holds(lhs) && holds(rhs)
        case .or(let lhs, let rhs): return holds(lhs) || holds(rhs)
        case .not(let inner): return !holds(inner)
        case .isAnswered(let operand):
            return value(of: operand).map { !$0.isEmpty } ?? false
        case .includes(let question, let choice):
            guard case .choices(let ids, let other)? = answers[question] else { return false }
            return choice == "other" ? !(other ?? "").isEmpty : ids.contains(choice)
        case .compare(let lhs, let comparator, let rhs):
            guard let left = comparable(lhs, against: rhs), let right = comparable(rhs, against: lhs) else { return false }
            return ConditionEvaluator.compare(left, comparator, right) ?? false
        }
    }

    private func value(of operand: ConditionOperand) -> AnswerValue? {
        switch operand {
        case .question(let id): answers[id]
        case .currentAnswer: currentAnswer
        default: nil
        }
    }

    /// A value reduced to something comparable; literals take their meaning from the other side.
    enum Comparable: Equatable {
        case hundredths(Int)
        case text(String)
        case date(CalendarDate)
        case bool(Bool)
    }

    private func comparable(_ operand: ConditionOperand, against other: ConditionOperand) -> Comparable? {
        switch operand {
        case .number(let hundredths): return .hundredths(hundredths)
        case .bool(let flag): return .bool(flag)
        case .string(let text):
            if case .date? = value(of: other) {
                return (try? CalendarDate(parsing: text)).map(Comparable.date)
            }
            return .text(text)
        case .question, .currentAnswer:
            guard let answer = value(of: operand) else { return nil }
            switch answer {
            case .number(let number):
                // Any whole number can be an answer; beyond what hundredths can hold it compares as
                // the largest (or smallest) there is, which no condition's own number reaches.
                let (scaled, overflowed) = number.multipliedReportingOverflow(by: 100)
                return .hundredths(overflowed ? (number < 0 ? Int.min : Int.max) : scaled)
            case .money(let money): return .hundredths(money.pence)
            case .date(let date): return .date(date)
            case .yesNo(let flag): return .bool(flag)
            case .text(let text): return .text(text)
            case .choice(let id, let other): return .text(id ?? (other == nil ? "" : "other"))
            case .choices, .people, .outcomes, .supportPlan: return nil
            }
        }
    }

    static func compare(_ lhs: Comparable, _ comparator: Condition.Comparator, _ rhs: Comparable) -> Bool? {
        switch comparator {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        default: break
        }
        let ordering: Int
        switch (lhs, rhs) {
        case (.hundredths(let a), .hundredths(let b)): ordering = a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): ordering = a < b ? -1 : (a == b ? 0 : 1)
        default: return nil
        }
        switch comparator {
        case .less: return ordering < 0
        case .lessOrEqual: return ordering <= 0
        case .greater: return ordering > 0
        case .greaterOrEqual: return ordering >= 0
        case .equal, .notEqual: return nil
        }
    }
}
