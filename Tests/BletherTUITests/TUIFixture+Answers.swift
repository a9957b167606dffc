import BletherCore

extension TUIFixture {
    /// An answer to every question of `form`, plain and valid for its kind, except those
    /// given in `chosen`: how the tests fill a whole conversation.
    ///
    /// ```swift
    /// let events = try TUIFixture.everyAnswer(of: form, chosen: ["decision": .choice("referred", other: nil)])
    /// ```
    static func everyAnswer(of form: Form, chosen: [String: AnswerValue]) throws -> [SessionEvent] {
        try form.allQuestions.map { question in
            let value: AnswerValue
            switch question.kind {
            case .text, .line: value = .text("In the person's words")
            case .singleChoice(let ids, _): value = .choice(ids.first, other: nil)
            case .multipleChoice(let ids, _): value = .choices([ids[0]], other: nil)
            case .wholeNumber: value = .number(2)
            case .scale(let from, _): value = .number(from)
            case .money: value = .money(Money(pence: 100))
            case .date: value = .date(try CalendarDate(parsing: "2027-03-01"))
            case .yesNo: value = .yesNo(true)
            case .people: value = .people([PersonEntry(name: "Ann")])
            case .outcomes: value = .outcomes([OutcomeEntry(outcome: "Choir", group: .change)])
            case .supportPlan: value = .supportPlan([])
            }
            return .answer(question: question.id, value: chosen[question.id] ?? value)
        }
    }
}
