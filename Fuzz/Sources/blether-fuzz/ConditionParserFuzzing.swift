import BletherCore
import Foundation

/// A `relevant` or `constraint` expression: the parser either refuses it with a column
/// inside the text (or just past it), or gives a condition that can be walked and evaluated.
enum ConditionParserFuzzing {
    static let form = Form(id: "fuzz", version: 1, sections: [
        Section(id: "about", questions: [
            Question(id: "a", kind: .yesNo),
            Question(id: "b", kind: .wholeNumber(minimum: nil, maximum: nil)),
            Question(id: "c", kind: .multipleChoice(choices: ["x", "y"], allowsOther: true)),
            Question(id: "d", kind: .text),
            Question(id: "e", kind: .date),
        ]),
    ])
    static let answers: [String: AnswerValue] = [
        "a": .yesNo(true), "b": .number(12), "c": .choices(["x"], other: "more"), "d": .text("words"),
    ]

    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let condition: Condition
        do {
            condition = try Condition(parsing: text)
        } catch {
            fuzzPromise(error.column >= 1 && error.column <= text.count + 1, "column \(error.column) is outside '\(text)'")
            fuzzPromise(!error.message.isEmpty, "a refusal without words for '\(text)'")
            return
        }
        _ = condition.questionReferences
        _ = condition.usesCurrentAnswer
        _ = condition.referenceProblems(in: form, for: "d", isConstraint: true)
        _ = ConditionEvaluator(form: form, answers: answers, currentAnswer: .number(3)).holds(condition)
        _ = ConditionEvaluator(form: form, answers: [:]).holds(condition)
    }
}
