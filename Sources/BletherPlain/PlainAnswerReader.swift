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

    /// The kind's own instruction, indented under the question.
    private func instruct() {
        if let text = question.kind.instruction(question: question.id, words: words, lineByLine: true) { output.line("    " + text) }
    }

    func read(from input: inout any LineSource, existing: AnswerValue?) throws(StoreError) -> PlainAnswerReply {
        let hasExisting = existing.map { !$0.isEmpty } ?? false
        let kind = question.kind
        switch kind.editingStyle {
        case .severalLines:
            instruct()
            return readText(&input, hasExisting: hasExisting)
        case .oneLine, .yesOrNo:
            instruct()
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in try kind.answer(typed: text, catalog: catalog) }
        case .numberRow(let points):
            // The row of numbers is said as numbers, so a screen reader reads each one.
            output.line("    " + points.map(String.init).joined(separator: "  "))
            instruct()
            return readSimple(&input, hasExisting: hasExisting) { (text: String) throws(AnswerInputProblem) in try kind.answer(typed: text, catalog: catalog) }
        case .choiceList(_, let allowsOther):
            let items = kind.choiceItems(question: question.id, words: words)
            for (index, item) in items.enumerated() { output.line("    \(index + 1). \(item.label)") }
            if allowsOther { output.line("    \(items.count + 1). \(catalog.text(.choiceOther))") }
            instruct()
            return readChoice(&input, hasExisting: hasExisting)
        case .entries(let listKind):
            var rateCard: [String] = []
            if listKind == .supportPlan {
                guard let rules else {
                    // Nothing can be chosen yet; a line is still read, so :skip, :jump and the rest work.
                    let rulesQuestion = words.form.costing.map { words.label($0.rules) } ?? ""
                    output.line("    " + catalog.text(.planNoRules, ["question": rulesQuestion]))
                    switch readLine(&input) {
                    case .stop(let reply): return reply
                    case .got: return hasExisting ? .keep : .empty
                    }
                }
                rateCard = rules.rates.map(\.id)
            }
            let editor = PlainListEditor(words: words, output: output, promptText: promptText, save: saveList)
            return try editor.edit(listKind, existing: existing, rateCard: rateCard, input: &input)
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

    /// The numbers of the chosen choices, then the words for "something else" when it was chosen.
    private func readChoice(_ input: inout any LineSource, hasExisting: Bool) -> PlainAnswerReply {
        while true {
            var value: AnswerValue
            switch readLine(&input) {
            case .stop(let reply): return reply
            case .got(let line):
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return hasExisting ? .keep : .empty }
                do {
                    value = try question.kind.answer(typed: line, catalog: catalog)
                } catch {
                    output.line(words.inputProblem(error))
                    continue
                }
            }
            let wantsOther: Bool
            switch value {
            case .choice(_, let other), .choices(_, let other): wantsOther = other != nil
            case .text, .number, .money, .date, .yesNo, .people, .outcomes, .supportPlan: wantsOther = false
            }
            if wantsOther {
                switch readLine(&input, prompt: catalog.text(.inputOtherWhat)) {
                case .stop(let reply): return reply
                case .got(let text):
                    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                        output.line(words.inputProblem(.otherEmpty)); continue
                    }
                    let chosen = question.kind.chosen(in: value)
                    value = question.kind.answer(choosing: chosen.ids, other: text)
                }
            }
            return .value(value)
        }
    }
}
