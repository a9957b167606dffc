/// How a choice list's choices are shown and read back, for the kinds answered from one —
/// `choice`, `choices` and `yesno` — in both faces.
///
/// ```swift
/// QuestionKind.yesNo.answer(choosing: ["yes"], other: nil)   // .yesNo(true)
/// ```
extension QuestionKind {
    /// The choices a choice list shows, by id and in words, in order; empty for other kinds.
    package func choiceItems(question: String, words: ConversationWording) -> [(id: String, label: String)] {
        switch self {
        case .singleChoice(let ids, _), .multipleChoice(let ids, _): ids.map { ($0, words.choiceLabel(question, $0)) }
        case .yesNo: [(Self.yesID, words.catalog.text(.answerYes)), (Self.noID, words.catalog.text(.answerNo))]
        case .text, .line, .wholeNumber, .money, .date, .scale, .people, .outcomes, .supportPlan: []
        }
    }

    /// The ids of a yes/no question's two choices.
    package static let yesID = "yes", noID = "no"

    /// What a choice list had chosen, as this kind's answer: `other` is the words for
    /// "something else" (empty when chosen but not yet said).
    package func answer(choosing ids: [String], other: String?) -> AnswerValue {
        switch self {
        case .singleChoice: .choice(ids.first, other: other)
        case .multipleChoice: .choices(ids, other: other)
        case .yesNo: ids.first.map { .yesNo($0 == Self.yesID) } ?? .text("")
        case .text, .line, .wholeNumber, .money, .date, .scale, .people, .outcomes, .supportPlan: .text("")
        }
    }

    /// The choice ids (and words for "something else") a saved answer chose, to show it on a choice list.
    package func chosen(in value: AnswerValue?) -> (ids: [String], other: String?) {
        switch (self, value) {
        case (.yesNo, .yesNo(let flag)?): ([flag ? Self.yesID : Self.noID], nil)
        case (.singleChoice, .choice(let id, let other)?): (id.map { [$0] } ?? [], other)
        case (.multipleChoice, .choices(let ids, let other)?): (ids, other)
        case (.text, _), (.line, _), (.wholeNumber, _), (.money, _), (.date, _), (.scale, _), (.people, _), (.outcomes, _),
             (.supportPlan, _), (.yesNo, _), (.singleChoice, _), (.multipleChoice, _): ([], nil)
        }
    }
}
