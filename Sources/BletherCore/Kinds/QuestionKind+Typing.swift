/// How typed text becomes an answer, and an answer becomes text to type over: the one
/// place each kind's typed shape is read, for the plain face and the full screen alike.
///
/// ```swift
/// try QuestionKind.scale(from: 1, to: 5).answer(typed: "4", catalog: catalog)   // .number(4)
/// try QuestionKind.scale(from: 1, to: 5).answer(typed: "9", catalog: catalog)   // throws .notOnScale("9", from: 1, to: 5)
/// ```
extension QuestionKind {
    /// Typed text as an answer of this kind, or why it is not one. On a choice list the text
    /// is the numbers of the choices; "something else" chosen comes back with `other: ""`,
    /// for its words to be asked. A list of entries is never typed on one line: its text
    /// is kept as text, which the engine refuses as the wrong kind.
    package func answer(typed text: String, catalog: Catalog) throws(AnswerInputProblem) -> AnswerValue {
        switch self {
        case .text, .line, .people, .outcomes, .supportPlan: return .text(text)
        case .wholeNumber: return .number(try AnswerInput.wholeNumber(text))
        case .money: return .money(try AnswerInput.money(text))
        case .date: return .date(try AnswerInput.date(text))
        case .yesNo: return .yesNo(try AnswerInput.yesNo(text, yes: catalog.text(.answerYes), no: catalog.text(.answerNo)))
        case .scale(let from, let to):
            let trimmed = text.trimmingWhitespace()
            guard let number = Int(trimmed), (from...to).contains(number) else { throw .notOnScale(trimmed, from: from, to: to) }
            return .number(number)
        case .singleChoice(let ids, let allowsOther), .multipleChoice(let ids, let allowsOther):
            let single = if case .singleChoice = self { true } else { false }
            let numbers = try AnswerInput.choiceNumbers(text, count: ids.count + (allowsOther ? 1 : 0), single: single)
            let picked = numbers.filter { $0 <= ids.count }.map { ids[$0 - 1] }
            return answer(choosing: picked, other: numbers.contains(ids.count + 1) ? "" : nil)
        }
    }

    /// A saved answer as the text that would type it, so a one-line field reads back the
    /// way it is typed ("12", "12.50", "2027-02-28"); empty for answers not typed on a line.
    package func typedText(of value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): String(number)
        case .money(let money): money.plain
        case .date(let date): date.iso
        case .choice, .choices, .yesNo, .people, .outcomes, .supportPlan: ""
        }
    }
}
