import BletherCore

/// A small form with a gate, conditions, bounds and every kind of question.
enum SampleForm {
    static func condition(_ text: String) -> Condition {
        try! Condition(parsing: text)
    }

    static let form = Form(id: "sample", version: 1, sections: [
        Section(id: "about", allowsNothingHere: false, questions: [
            Question(id: "name-used", kind: .line, required: true),
            Question(id: "present", kind: .multipleChoice(choices: ["person", "carer"], allowsOther: true)),
        ]),
        Section(id: "matters", questions: [
            Question(id: "own-words", kind: .text, required: true),
            Question(id: "has-carer", kind: .yesNo),
            Question(id: "carer-hours", kind: .wholeNumber(minimum: 0, maximum: 168), relevant: condition("has-carer = yes")),
        ]),
        Section(id: "tech", questions: [
            Question(id: "tech-now", kind: .text),
        ]),
        Section(id: "costing", gate: ["matters", "tech"], questions: [
            Question(id: "budget", kind: .money(minimum: Money(pence: 0), maximum: Money(pence: 100_000_00)), required: true),
            Question(id: "contribution", kind: .money(minimum: Money(pence: 0), maximum: nil),
                     constraint: condition("not (budget is answered) or . <= budget")),
            Question(id: "review", kind: .date),
        ]),
    ])

    static let noon = Date(timeIntervalSince1970: 1_800_000_000)
}

import Foundation
