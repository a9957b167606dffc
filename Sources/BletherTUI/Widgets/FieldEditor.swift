import BletherCore

/// The editor for the focused question, chosen by the question's kind, holding the draft
/// until it is saved.
public enum FieldEditor: Sendable, Equatable {
    case text(TextEditor)
    /// One line: `line`, `number`, `money` and `date` questions.
    case line(LineEditor)
    /// Single and multiple choice, and yes/no.
    case choices(ChoiceList)
    case list(ListEditor)

    /// A fresh editor for `question`, showing its saved answer.
    /// - Parameter rules: the costing rules chosen in the conversation, whose rate card a support plan is written from.
    public static func make(for question: Question, saved: AnswerValue?, words: ConversationWording, rules: CostingRules? = nil) -> FieldEditor {
        let catalog = words.catalog
        switch question.kind {
        case .text:
            if case .text(let text)? = saved { return .text(TextEditor(text: text)) }
            return .text(TextEditor())
        case .line, .wholeNumber, .money, .date:
            return .line(LineEditor(text: saved.map { lineText(of: $0) } ?? ""))
        case .singleChoice(let ids, let other), .multipleChoice(let ids, let other):
            let multiple = { if case .multipleChoice = question.kind { return true } else { return false } }()
            var list = ChoiceList(choices: ids.map { ($0, words.choiceLabel(question.id, $0)) }, multiple: multiple,
                                  allowsOther: other, otherLabel: catalog.text(.choiceOther))
            list.select(saved)
            return .choices(list)
        case .yesNo:
            var list = ChoiceList(choices: [("yes", catalog.text(.answerYes)), ("no", catalog.text(.answerNo))], multiple: false,
                                  allowsOther: false, otherLabel: "")
            if case .yesNo(let flag)? = saved { list.select(.choice(flag ? "yes" : "no", other: nil)) }
            return .choices(list)
        case .people:
            return .list(ListEditor(kind: .people, value: saved))
        case .outcomes:
            return .list(ListEditor(kind: .outcomes, value: saved))
        case .supportPlan:
            let supports = (rules?.rates ?? []).map { ListEditor.ChoiceItem(id: $0.id, label: $0.name.text(language: catalog.language)) }
            let choices = ListEditor.PlanChoices(supports: supports, weekly: catalog.text(.planFrequencyWeekly), once: catalog.text(.planFrequencyOnce),
                                                 notSet: catalog.text(.planOption4None),
                                                 options: [SDSOption.option1, .option2, .option3].map { catalog.text(.planOption, ["number": String($0.number)]) })
            return .list(ListEditor(kind: .supportPlan(choices), value: saved))
        }
    }

    /// How a saved value is shown in a one-line field, so it reads back the same way it is typed.
    static func lineText(of value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): String(number)
        case .money(let money): money.plain
        case .date(let date): date.iso
        default: ""
        }
    }

    /// The draft read as an answer to `question`, or why it is not one.
    public func draft(for question: Question) -> Result<AnswerValue, AnswerInputProblem> {
        switch self {
        case .text(let editor):
            return .success(.text(editor.text))
        case .line(let editor):
            let text = editor.text
            let blank = text.trimmingCharacters(in: .whitespaces).isEmpty
            switch question.kind {
            case .wholeNumber: return blank ? .success(.text("")) : Result { () throws(AnswerInputProblem) in .number(try AnswerInput.wholeNumber(text)) }
            case .money: return blank ? .success(.text("")) : Result { () throws(AnswerInputProblem) in .money(try AnswerInput.money(text)) }
            case .date: return blank ? .success(.text("")) : Result { () throws(AnswerInputProblem) in .date(try AnswerInput.date(text)) }
            default: return .success(.text(text))
            }
        case .choices(let list):
            if case .yesNo = question.kind {
                switch list.value {
                case .success(.choice("yes", _)): return .success(.yesNo(true))
                case .success(.choice("no", _)): return .success(.yesNo(false))
                default: return .success(.text(""))
                }
            }
            return list.value
        case .list(let editor):
            return .success(editor.value)
        }
    }

    /// Whether the draft differs from what is saved (an unreadable draft counts as changed).
    public func isChanged(for question: Question, saved: AnswerValue?) -> Bool {
        switch draft(for: question) {
        case .failure: return true
        case .success(let value):
            if value.isEmpty { return !(saved?.isEmpty ?? true) }
            return value != saved
        }
    }
}

import Foundation
