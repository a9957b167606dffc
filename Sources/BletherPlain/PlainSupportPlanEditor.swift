import BletherCore
import BletherStore

/// Plain-mode editing of a support plan: keep it, add to it, or write it afresh, one line
/// of support at a time — its type from the rules' rate card, how many, how often, the
/// outcome it is for, and how it would be arranged under Option 4. Each line is saved as
/// soon as it is complete, as ``PlainListEditor`` saves people and outcomes.
///
/// ```swift
/// let editor = PlainSupportPlanEditor(words: words, output: output, promptText: prompt, rules: rules, save: { try apply($0) })
/// let reply = try editor.edit(existing, input: &input)
/// ```
struct PlainSupportPlanEditor {
    let words: ConversationWording
    let output: any PlainOutput
    let promptText: String
    /// The rules chosen for this conversation; their rate card lists the types of support.
    let rules: CostingRules
    let save: PlainListSaver

    var catalog: Catalog { words.catalog }

    private func ask(_ label: String, _ input: inout any LineSource) -> PlainRead<String> {
        output.prompt(label + ":")
        guard let line = input.nextLine() else { return .stop(.endOfInput) }
        if let command = PlainCommand(line: line) { return .stop(.command(command)) }
        return .got(line.trimmingCharacters(in: .whitespaces))
    }

    /// Asks until `parse` accepts the line, saying what was wrong each time.
    private func ask<Value>(_ label: String, _ input: inout any LineSource, parse: (String) -> Value?, problem: (String) -> String) -> PlainRead<Value> {
        while true {
            switch ask(label, &input) {
            case .stop(let reply): return .stop(reply)
            case .got(let text):
                if let value = parse(text) { return .got(value) }
                output.line("    " + problem(text))
            }
        }
    }

    /// Why `text` does not choose one of `count` numbered choices.
    private func choiceProblem(_ text: String, count: Int) -> String {
        words.inputProblem(Int(text).map { .choiceOutOfRange($0, count) } ?? .choiceNotNumber)
    }

    func edit(_ existing: [SupportPlan.Line], input: inout any LineSource) throws(StoreError) -> PlainAnswerReply {
        var lines: [SupportPlan.Line]
        let lists = PlainListEditor(words: words, output: output, promptText: promptText, save: save)
        switch lists.startingList(existing, countKey: .planCount, describe: words.planLine, input: &input) {
        case .stop(let reply): return reply
        case .got(let start): lines = start
        }
        output.line("    " + catalog.text(.planIntro))
        let rates = rules.rates
        for (index, rate) in rates.enumerated() {
            output.line("      \(index + 1). \(rate.name.text(language: catalog.language))")
        }
        while true {
            output.line(catalog.text(.listItemNumber, ["number": String(lines.count + 1)]))
            let support: String
            if rates.isEmpty {
                switch ask(catalog.text(.planSupportWords), &input) {
                case .stop(let reply): return reply
                case .got(let words): support = words
                }
            } else {
                let read = ask(catalog.text(.planSupport), &input, parse: { text -> String? in
                    if text.isEmpty { return "" }
                    guard let number = try? AnswerInput.choiceNumbers(text, count: rates.count, single: true).first else { return nil }
                    return rates[number - 1].id
                }, problem: { choiceProblem($0, count: rates.count) })
                switch read {
                case .stop(let reply): return reply
                case .got(let id): support = id
                }
            }
            if support.isEmpty { break }
            var line = SupportPlan.Line(support: support, quantity: 0, frequency: .perWeek)
            switch ask(catalog.text(.planQuantity), &input, parse: { Int($0).flatMap { (1...SupportPlan.Line.maximumQuantity).contains($0) ? $0 : nil } },
                       problem: { words.inputProblem(.quantity($0)) }) {
            case .stop(let reply): return reply
            case .got(let quantity): line.quantity = quantity
            }
            switch ask(catalog.text(.planFrequency), &input, parse: { ["1": SupportPlan.Line.Frequency.perWeek, "2": .once][$0] },
                       problem: { choiceProblem($0, count: 2) }) {
            case .stop(let reply): return reply
            case .got(let frequency): line.frequency = frequency
            }
            switch ask(catalog.text(.planOutcome), &input) {
            case .stop(let reply): return reply
            case .got(let outcome): line.outcome = outcome
            }
            switch ask(catalog.text(.planOption4), &input, parse: { text -> SDSOption?? in
                if text.isEmpty { return .some(nil) }
                return ["1": SDSOption.option1, "2": .option2, "3": .option3][text].map { .some($0) }
            }, problem: { choiceProblem($0, count: 3) }) {
            case .stop(let reply): return reply
            case .got(let option): line.underOption4 = option
            }
            if try save(.supportPlan(lines + [line])) { lines.append(line) }
        }
        return PlainListEditor.ending(lines, existing: existing, empty: .supportPlan([]))
    }
}
