/// Whether an answer fits its question's kind, and lies within the bounds the form set:
/// checked by the engine for every face, so no face can save what another would refuse.
///
/// ```swift
/// QuestionKind.scale(from: 1, to: 5).fits(.number(4))               // true
/// QuestionKind.wholeNumber(minimum: 0, maximum: 168).boundsProblem(of: .number(200))  // .aboveMaximum("168")
/// ```
extension QuestionKind {
    /// Whether `value` is an answer of this kind: the right case, known choice ids, a point on the scale.
    package func fits(_ value: AnswerValue) -> Bool {
        switch self {
        case .text, .line:
            if case .text = value { return true }
        case .wholeNumber:
            if case .number = value { return true }
        case .scale(let from, let to):
            if case .number(let number) = value { return (from...to).contains(number) }
        case .money:
            if case .money = value { return true }
        case .date:
            if case .date = value { return true }
        case .yesNo:
            if case .yesNo = value { return true }
        case .people:
            if case .people = value { return true }
        case .outcomes:
            if case .outcomes = value { return true }
        case .supportPlan:
            if case .supportPlan(let lines) = value {
                return lines.allSatisfy { (1...SupportPlan.Line.maximumQuantity).contains($0.quantity) && !$0.support.isEmpty }
            }
        case .singleChoice(let choices, let allowsOther):
            if case .choice(let id, let other) = value {
                if let id { return choices.contains(id) && other == nil }
                return allowsOther && other != nil
            }
        case .multipleChoice(let choices, let allowsOther):
            if case .choices(let ids, let other) = value {
                return ids.allSatisfy(choices.contains) && Set(ids).count == ids.count && (other == nil || allowsOther)
            }
        }
        return false
    }

    /// What is wrong with a value outside the form's `min` and `max` (the value already ``fits(_:)``).
    package func boundsProblem(of value: AnswerValue) -> AnswerProblem? {
        switch self {
        case .wholeNumber(let minimum, let maximum):
            guard case .number(let number) = value else { return nil }
            if let minimum, number < minimum { return .belowMinimum(String(minimum)) }
            if let maximum, number > maximum { return .aboveMaximum(String(maximum)) }
        case .money(let minimum, let maximum):
            guard case .money(let amount) = value else { return nil }
            if let minimum, amount < minimum { return .belowMinimum(minimum.formatted) }
            if let maximum, amount > maximum { return .aboveMaximum(maximum.formatted) }
        case .text, .line, .singleChoice, .multipleChoice, .date, .yesNo, .people, .outcomes, .supportPlan, .scale:
            break
        }
        return nil
    }
}
