import BletherCore

/// The editor for the focused question, chosen by the editing style its kind describes
/// (``AnswerEditingStyle``), holding the draft until it is saved. How the draft becomes an
/// answer is the kind's to say (``QuestionKind/answer(typed:catalog:)``), as in plain mode.
package enum FieldEditor: Sendable, Equatable {
    case text(TextEditor)
    /// One line: `line`, `number`, `money` and `date` questions.
    case line(LineEditor)
    /// Single and multiple choice, and yes/no.
    case choices(ChoiceList)
    /// A row of numbers: `scale`.
    case numbers(NumberRow)
    case list(ListEditor)

    /// A fresh editor for `question`, showing its saved answer.
    /// - Parameter rules: the costing rules chosen in the conversation, whose rate card a support plan is written from.
    package static func make(for question: Question, saved: AnswerValue?, words: ConversationWording, rules: CostingRules? = nil) -> FieldEditor {
        let catalog = words.catalog
        let kind = question.kind
        switch kind.editingStyle {
        case .severalLines:
            if case .text(let text)? = saved { return .text(TextEditor(text: text)) }
            return .text(TextEditor())
        case .oneLine:
            return .line(LineEditor(text: saved.map { kind.typedText(of: $0) } ?? ""))
        case .choiceList(let multiple, let other):
            var list = ChoiceList(choices: kind.choiceItems(question: question.id, words: words), multiple: multiple,
                                  allowsOther: other, otherLabel: catalog.text(.choiceOther))
            list.select(saved)
            return .choices(list)
        case .yesOrNo:
            var list = ChoiceList(choices: kind.choiceItems(question: question.id, words: words), multiple: false, allowsOther: false, otherLabel: "")
            list.select(kind.chosen(in: saved).ids.first.map { .choice($0, other: nil) })
            return .choices(list)
        case .numberRow(let points):
            if case .number(let number)? = saved { return .numbers(NumberRow(points: points, chosen: number)) }
            return .numbers(NumberRow(points: points, chosen: nil))
        case .entries(.people):
            return .list(ListEditor(kind: .people, value: saved))
        case .entries(.outcomes):
            return .list(ListEditor(kind: .outcomes, value: saved))
        case .entries(.supportPlan):
            return .list(ListEditor(kind: .supportPlan(ListEditor.PlanChoices(rateCard: (rules?.rates ?? []).map(\.id), words: words)), value: saved))
        }
    }

    /// The draft read as an answer to `question`, or why it is not one.
    package func draft(for question: Question, catalog: Catalog) -> Result<AnswerValue, AnswerInputProblem> {
        switch self {
        case .text(let editor):
            return .success(.text(editor.text))
        case .line(let editor):
            let text = editor.text
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return .success(.text("")) }
            return Result { () throws(AnswerInputProblem) in try question.kind.answer(typed: text, catalog: catalog) }
        case .choices(let list):
            return list.otherWords.map { question.kind.answer(choosing: list.chosenIDs, other: $0) }
        case .numbers(let row):
            return .success(row.chosen.map { .number($0) } ?? .text(""))
        case .list(let editor):
            return .success(editor.value)
        }
    }

    /// Whether the draft differs from what is saved (an unreadable draft counts as changed).
    package func isChanged(for question: Question, saved: AnswerValue?, catalog: Catalog) -> Bool {
        switch draft(for: question, catalog: catalog) {
        case .failure: return true
        case .success(let value):
            if value.isEmpty { return !(saved?.isEmpty ?? true) }
            return value != saved
        }
    }
}
