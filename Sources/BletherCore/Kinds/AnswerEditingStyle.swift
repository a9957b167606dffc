/// How an answer of a kind is given: every face picks its editor from this, never from the
/// kind itself, so a new kind that edits like an old one needs nothing new in any face.
///
/// ```swift
/// switch question.kind.editingStyle {
/// case .oneLine: …   // read a line, then question.kind.answer(typed: line, catalog: catalog)
/// …
/// }
/// ```
public enum AnswerEditingStyle: Sendable, Equatable {
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

/// The kinds of answer that are a list of entries.
public enum EntryListKind: Sendable, Equatable, CaseIterable {
    case people, outcomes, supportPlan
}

extension QuestionKind {
    /// How an answer of this kind is given.
    public var editingStyle: AnswerEditingStyle {
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

    /// The choices a choice list shows, by id and in words, in order; empty for other kinds.
    public func choiceItems(question: String, words: ConversationWording) -> [(id: String, label: String)] {
        switch self {
        case .singleChoice(let ids, _), .multipleChoice(let ids, _): ids.map { ($0, words.choiceLabel(question, $0)) }
        case .yesNo: [(Self.yesID, words.catalog.text(.answerYes)), (Self.noID, words.catalog.text(.answerNo))]
        case .text, .line, .wholeNumber, .money, .date, .scale, .people, .outcomes, .supportPlan: []
        }
    }

    /// The ids of a yes/no question's two choices.
    public static let yesID = "yes", noID = "no"

    /// What a choice list had chosen, as this kind's answer: `other` is the words for
    /// "something else" (empty when chosen but not yet said).
    public func answer(choosing ids: [String], other: String?) -> AnswerValue {
        switch self {
        case .singleChoice: .choice(ids.first, other: other)
        case .multipleChoice: .choices(ids, other: other)
        case .yesNo: ids.first.map { .yesNo($0 == Self.yesID) } ?? .text("")
        case .text, .line, .wholeNumber, .money, .date, .scale, .people, .outcomes, .supportPlan: .text("")
        }
    }

    /// The choice ids (and words for "something else") a saved answer chose, to show it on a choice list.
    public func chosen(in value: AnswerValue?) -> (ids: [String], other: String?) {
        switch (self, value) {
        case (.yesNo, .yesNo(let flag)?): ([flag ? Self.yesID : Self.noID], nil)
        case (.singleChoice, .choice(let id, let other)?): (id.map { [$0] } ?? [], other)
        case (.multipleChoice, .choices(let ids, let other)?): (ids, other)
        case (.text, _), (.line, _), (.wholeNumber, _), (.money, _), (.date, _), (.scale, _), (.people, _), (.outcomes, _),
             (.supportPlan, _), (.yesNo, _), (.singleChoice, _), (.multipleChoice, _): ([], nil)
        }
    }
}
