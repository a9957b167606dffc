/// What sort of answer a question takes, with the rules for that sort.
package enum QuestionKind: Sendable, Equatable {
    /// Several lines in the person's own words.
    case text
    /// One short line (a name, a phone number).
    case line
    /// Exactly one of the listed choice ids, or something else in words when `allowsOther`.
    case singleChoice(choices: [String], allowsOther: Bool)
    /// Any of the listed choice ids, plus something else in words when `allowsOther`.
    case multipleChoice(choices: [String], allowsOther: Bool)
    /// A whole number within optional bounds.
    case wholeNumber(minimum: Int?, maximum: Int?)
    /// An amount of money in pence within optional bounds.
    case money(minimum: Money?, maximum: Money?)
    /// A day: `28/02/2027` or `2027-02-28`.
    case date
    case yesNo
    /// A repeatable list of the people around the person.
    case people
    /// A repeatable list of personal outcomes.
    case outcomes
    /// The support still needed, line by line, costed by the rules the form's
    /// ``CostingQuestions/rules`` question names.
    case supportPlan

    /// On a row of whole numbers from one end to the other (``ScaleBounds``), kept as a number.
    case scale(from: Int, to: Int)

    /// The name used for this kind in form files.
    package var keyword: KindKeyword {
        switch self {
        case .text: .text
        case .line: .line
        case .singleChoice: .choice
        case .multipleChoice: .choices
        case .wholeNumber: .number
        case .money: .money
        case .date: .date
        case .yesNo: .yesno
        case .people: .people
        case .outcomes: .outcomes
        case .supportPlan: .supportPlan
        case .scale: .scale
        }
    }

    /// Every keyword a form file may use for `kind`.
    package static var keywords: [String] { KindKeyword.allCases.map(\.rawValue) }

    /// The choice ids of a single or multiple choice question; empty for other kinds.
    package var choiceIDs: [String] {
        switch self {
        case .singleChoice(let choices, _), .multipleChoice(let choices, _): choices
        case .text, .line, .wholeNumber, .money, .date, .yesNo, .people, .outcomes, .supportPlan, .scale: []
        }
    }

    package var allowsOther: Bool {
        switch self {
        case .singleChoice(_, let other), .multipleChoice(_, let other): other
        case .text, .line, .wholeNumber, .money, .date, .yesNo, .people, .outcomes, .supportPlan, .scale: false
        }
    }
}
