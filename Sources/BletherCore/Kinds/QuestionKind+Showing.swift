/// An answer shown as a short line of words, the same on the screen, in plain mode, in the
/// read-back and on the person's copy.
///
/// ```swift
/// QuestionKind.scale(from: 1, to: 5).shownText(of: .number(4), question: "how-well", words: words)   // "4 (of 1–5)"
/// ```
extension QuestionKind {
    package func shownText(of value: AnswerValue, question: String, words: ConversationWording) -> String {
        switch self {
        case .scale(let from, let to):
            guard case .number(let number) = value else { return words.valueText(value, question: question) }
            return words.catalog.text(.answerScale, ["value": String(number), "from": String(from), "to": String(to)])
        case .text, .line, .singleChoice, .multipleChoice, .wholeNumber, .money, .date, .yesNo, .people, .outcomes, .supportPlan:
            return words.valueText(value, question: question)
        }
    }
}
