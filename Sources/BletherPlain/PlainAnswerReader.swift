import BletherCore
import BletherStore

/// What one answer prompt produced.
enum PlainAnswerReply: Equatable {
    case value(AnswerValue)
    /// Enter on a question that already has an answer: keep it.
    case keep
    /// Nothing typed and nothing to keep.
    case empty
    case command(PlainCommand)
    case endOfInput
}

/// Either what was read, or the reply that cut the reading short.
enum PlainRead<Value> {
    case got(Value)
    case stop(PlainAnswerReply)
}

/// Reads one answer of any kind from lines, explaining a wrong entry in words and
/// asking again until the text is the right shape. Rules the form sets (bounds,
/// constraints, required) are the engine's to check.
struct PlainAnswerReader {
    let question: Question
    let words: ConversationWording
    let output: any PlainOutput
    let promptText: String
    /// Saves a people, outcomes or support plan list each time one of its items is accepted.
    let saveList: PlainListSaver
    /// The costing rules chosen in this conversation, for a support plan question.
    var rules: CostingRules? = nil

    var catalog: Catalog { words.catalog }

    /// Reads a line; a line starting with `:` is a command wherever it appears.
    private func readLine(_ input: inout any LineSource, prompt: String? = nil) -> PlainRead<String> {
        output.prompt(prompt ?? promptText)
        guard let line = input.nextLine() else { return .stop(.endOfInput) }
        if let command = PlainCommand(line: line) { return .stop(.command(command)) }
        return .got(line)
    }

    func read(from input: inout any LineSource, existing: AnswerValue?) throws(StoreError) -> PlainAnswerReply {
        let hasExisting = existing.map { !$0.isEmpty } ?? false
        switch question.kind {
        case .text:
            output.line("    " + catalog.text(.inputText))
            return readText(&input, hasExisting: hasExisting)
        case .line:
            output.line("    " + catalog.text(.inputLine))
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in .text(text) }
        case .singleChoice(let choices, let allowsOther), .multipleChoice(let choices, let allowsOther):
            let single = { if case .singleChoice = question.kind { return true } else { return false } }()
            return readChoice(&input, choices: choices, allowsOther: allowsOther, single: single, hasExisting: hasExisting)
        case .wholeNumber(let minimum, let maximum):
            output.line("    " + numberInstruction(minimum: minimum, maximum: maximum))
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in .number(try AnswerInput.wholeNumber(text)) }
        case .money:
            output.line("    " + catalog.text(.inputMoney))
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in .money(try AnswerInput.money(text)) }
        case .date:
            output.line("    " + catalog.text(.inputDate))
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in .date(try AnswerInput.date(text)) }
        case .yesNo:
            output.line("    " + catalog.text(.inputYesno))
            let yes = catalog.text(.answerYes), no = catalog.text(.answerNo)
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in .yesNo(try AnswerInput.yesNo(text, yes: yes, no: no)) }
        case .people:
            let editor = PlainListEditor(words: words, output: output, promptText: promptText, save: saveList)
            if case .people(let people)? = existing { return try editor.editPeople(people, input: &input) }
            return try editor.editPeople([], input: &input)
        case .outcomes:
            let editor = PlainListEditor(words: words, output: output, promptText: promptText, save: saveList)
            if case .outcomes(let outcomes)? = existing { return try editor.editOutcomes(outcomes, input: &input) }
            return try editor.editOutcomes([], input: &input)
        case .supportPlan:
            guard let rules else {
                // Nothing can be chosen yet; a line is still read, so :skip, :jump and the rest work.
                let rulesQuestion = words.form.costing.map { words.label($0.rules) } ?? ""
                output.line("    " + catalog.text(.planNoRules, ["question": rulesQuestion]))
                switch readLine(&input) {
                case .stop(let reply): return reply
                case .got: return hasExisting ? .keep : .empty
                }
            }
            let editor = PlainSupportPlanEditor(words: words, output: output, promptText: promptText, rules: rules, save: saveList)
            if case .supportPlan(let lines)? = existing { return try editor.edit(lines, input: &input) }
            return try editor.edit([], input: &input)
        }
    }

    private func numberInstruction(minimum: Int?, maximum: Int?) -> String {
        switch (minimum, maximum) {
        case (let low?, let high?): catalog.text(.inputNumberBetween, ["minimum": String(low), "maximum": String(high)])
        case (let low?, nil): catalog.text(.inputNumberAtLeast, ["minimum": String(low)])
        case (nil, let high?): catalog.text(.inputNumberAtMost, ["maximum": String(high)])
        case (nil, nil): catalog.text(.inputNumber)
        }
    }

    /// One line turned into a value, asking again with the problem in words until it fits.
    private func readSimple(_ input: inout any LineSource, hasExisting: Bool,
                            parse: (String) throws(AnswerInputProblem) -> AnswerValue) -> PlainAnswerReply {
        while true {
            switch readLine(&input) {
            case .stop(let reply): return reply
            case .got(let line):
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return hasExisting ? .keep : .empty }
                do {
                    return .value(try parse(line))
                } catch {
                    output.line(words.inputProblem(error))
                }
            }
        }
    }

    /// Several lines, ended by a line holding only a full stop.
    private func readText(_ input: inout any LineSource, hasExisting: Bool) -> PlainAnswerReply {
        var lines: [String] = []
        while true {
            output.prompt(lines.isEmpty ? promptText : "...")
            guard let line = input.nextLine() else { return .endOfInput }
            if lines.isEmpty {
                if let command = PlainCommand(line: line) { return .command(command) }
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return hasExisting ? .keep : .empty }
            }
            if line.trimmingCharacters(in: .whitespaces) == "." {
                let text = lines.joined(separator: "\n")
                return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? (hasExisting ? .keep : .empty) : .value(.text(text))
            }
            lines.append(line)
        }
    }

    private func readChoice(_ input: inout any LineSource, choices: [String], allowsOther: Bool, single: Bool, hasExisting: Bool) -> PlainAnswerReply {
        for (index, choice) in choices.enumerated() {
            output.line("    \(index + 1). \(words.choiceLabel(question.id, choice))")
        }
        if allowsOther { output.line("    \(choices.count + 1). \(catalog.text(.choiceOther))") }
        output.line("    " + catalog.text(single ? .inputChoice : .inputChoices))
        let count = choices.count + (allowsOther ? 1 : 0)
        while true {
            let numbers: [Int]
            switch readLine(&input) {
            case .stop(let reply): return reply
            case .got(let line):
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return hasExisting ? .keep : .empty }
                do {
                    numbers = try AnswerInput.choiceNumbers(line, count: count, single: single)
                } catch {
                    output.line(words.inputProblem(error))
                    continue
                }
            }
            let picked = numbers.filter { $0 <= choices.count }.map { choices[$0 - 1] }
            var other: String?
            if allowsOther && numbers.contains(choices.count + 1) {
                switch readLine(&input, prompt: catalog.text(.inputOtherWhat)) {
                case .stop(let reply): return reply
                case .got(let text):
                    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                        output.line(words.inputProblem(.otherEmpty)); continue
                    }
                    other = text
                }
            }
            return single ? .value(.choice(picked.first, other: other)) : .value(.choices(picked, other: other))
        }
    }
}
