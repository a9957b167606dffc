/// How an answer of a kind is given: every face picks its editor from this, never from the
/// kind itself, so a new kind that edits like an old one needs nothing new in any face.
///
/// ```swift
/// switch question.kind.editingStyle {
/// case .oneLine: …   // read a line, then question.kind.answer(typed: line, catalog: catalog)
/// …
/// }
/// ```
package enum AnswerEditingStyle: Sendable, Equatable {
    /// Several lines of words (`text`).
    case severalLines
    /// One line of typed text, read by ``QuestionKind/answer(typed:catalog:)``.
    case oneLine
    /// A list of choices (``QuestionKind/choiceItems(question:words:)``), one or several, and
    /// "something else" in words when `allowsOther`.
    case choiceList(multiple: Bool, allowsOther: Bool)
    /// Yes or no: typed as the word (or its first letter), or chosen from the two.
    case yesOrNo
    /// A row of whole numbers from one end to the other; typed as the number itself.
    case numberRow(ClosedRange<Int>)
    /// A list of entries, each with fields of its own (``EntryListKind``).
    case entries(EntryListKind)
}

extension QuestionKind {
    /// How an answer of this kind is given.
    package var editingStyle: AnswerEditingStyle {
        switch self {
        case .text: .severalLines
        case .line, .wholeNumber, .money, .date: .oneLine
        case .singleChoice(_, let other): .choiceList(multiple: false, allowsOther: other)
        case .multipleChoice(_, let other): .choiceList(multiple: true, allowsOther: other)
        case .yesNo: .yesOrNo
        case .scale(let from, let to): .numberRow(from...to)
        case .people: .entries(.people)
        case .outcomes: .entries(.outcomes)
        case .supportPlan: .entries(.supportPlan)
        }
    }
}
