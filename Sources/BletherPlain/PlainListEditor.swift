import BletherCore

/// Plain-mode editing of the repeatable *people* and *personal outcomes* lists: keep
/// the list, add to it, or write it afresh, one field per prompt.
struct PlainListEditor {
    let words: ConversationWording
    let output: any PlainOutput
    let promptText: String

    var catalog: Catalog { words.catalog }

    private enum Field: Equatable { case text(String), command(PlainCommand), endOfInput }

    private func ask(_ label: String, _ input: inout any LineSource) -> Field {
        output.prompt(label + ":")
        guard let line = input.nextLine() else { return .endOfInput }
        if let command = PlainCommand(line: line) { return .command(command) }
        return .text(line.trimmingCharacters(in: .whitespaces))
    }

    private func bail(_ field: Field) -> PlainAnswerReply {
        switch field {
        case .command(let command): .command(command)
        default: .endOfInput
        }
    }

    /// Asks whether to keep, add to, or replace an existing list; what comes back is the list to add to.
    func startingList<Item>(_ items: [Item], countKey: UIText, describe: (Item) -> String,
                                    input: inout any LineSource) -> PlainRead<[Item]> {
        guard !items.isEmpty else { return .got([]) }
        output.line("    " + catalog.text(countKey, count: items.count))
        for (index, item) in items.enumerated() { output.line("      \(index + 1). \(describe(item))") }
        output.line("    " + catalog.text(.listKeepOrChange))
        while true {
            output.prompt(promptText)
            guard let line = input.nextLine() else { return .stop(.endOfInput) }
            if let command = PlainCommand(line: line) { return .stop(.command(command)) }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": return .stop(.keep)
            case "add": return .got(items)
            case "again": return .got([])
            default: output.line(catalog.text(.listKeepOrChange))
            }
        }
    }

    mutating func editPeople(_ existing: [PersonEntry], input: inout any LineSource) -> PlainAnswerReply {
        var people: [PersonEntry]
        switch startingList(existing, countKey: .listCountPeople, describe: { describe($0) }, input: &input) {
        case .stop(let reply): return reply
        case .got(let start): people = start
        }
        output.line("    " + catalog.text(.listPeopleIntro))
        let labels: [(PersonEntry.Field, UIText)] = [(.relationship, .peopleRelationship), (.doesNow, .peopleDoesNow), (.willingAndAble, .peopleWillingAndAble)]
        while true {
            output.line(catalog.text(.listItemNumber, ["number": String(people.count + 1)]))
            let name = ask(catalog.text(.peopleName), &input)
            guard case .text(let nameText) = name else { return bail(name) }
            if nameText.isEmpty { break }
            var person = PersonEntry(name: nameText)
            for (field, label) in labels {
                let answer = ask(catalog.text(label), &input)
                guard case .text(let text) = answer else { return bail(answer) }
                person[field] = text
            }
            people.append(person)
        }
        return people.isEmpty ? (existing.isEmpty ? .empty : .value(.people([]))) : .value(.people(people))
    }

    mutating func editOutcomes(_ existing: [OutcomeEntry], input: inout any LineSource) -> PlainAnswerReply {
        var outcomes: [OutcomeEntry]
        switch startingList(existing, countKey: .listCountOutcomes, describe: { $0.outcome }, input: &input) {
        case .stop(let reply): return reply
        case .got(let start): outcomes = start
        }
        output.line("    " + catalog.text(.listOutcomesIntro))
        while true {
            output.line(catalog.text(.listItemNumber, ["number": String(outcomes.count + 1)]))
            let outcome = ask(catalog.text(.outcomesOutcome), &input)
            guard case .text(let outcomeText) = outcome else { return bail(outcome) }
            if outcomeText.isEmpty { break }
            let group: OutcomeGroup
            switch askGroup(&input) {
            case .got(let chosen): group = chosen
            case .stop(let reply): return reply
            }
            var entry = OutcomeEntry(outcome: outcomeText, group: group)
            for (label, keyPath) in [(UIText.outcomesMilestones, \OutcomeEntry.milestones), (.outcomesTimescale, \.timescale), (.outcomesHowWeWillKnow, \.howWeWillKnow)] {
                let answer = ask(catalog.text(label), &input)
                guard case .text(let text) = answer else { return bail(answer) }
                entry[keyPath: keyPath] = text
            }
            while true {
                let answer = ask(catalog.text(.outcomesMayNeedFundedSupport) + " (" + catalog.text(.inputYesno) + ")", &input)
                guard case .text(let text) = answer else { return bail(answer) }
                do {
                    entry.mayNeedFundedSupport = try AnswerInput.yesNo(text, yes: catalog.text(.answerYes), no: catalog.text(.answerNo))
                    break
                } catch {
                    output.line(words.inputProblem(error))
                }
            }
            outcomes.append(entry)
        }
        return outcomes.isEmpty ? (existing.isEmpty ? .empty : .value(.outcomes([]))) : .value(.outcomes(outcomes))
    }

    private func askGroup(_ input: inout any LineSource) -> PlainRead<OutcomeGroup> {
        output.line("    " + catalog.text(.outcomesGroup))
        for (index, group) in OutcomeGroup.allCases.enumerated() {
            output.line("      \(index + 1). \(words.outcomeGroupName(group))")
        }
        while true {
            output.prompt(promptText)
            guard let line = input.nextLine() else { return .stop(.endOfInput) }
            if let command = PlainCommand(line: line) { return .stop(.command(command)) }
            do {
                let number = try AnswerInput.choiceNumbers(line, count: OutcomeGroup.allCases.count, single: true)
                return .got(OutcomeGroup.allCases[number[0] - 1])
            } catch {
                output.line(words.inputProblem(error))
            }
        }
    }

    private func describe(_ person: PersonEntry) -> String {
        [person.name, person.relationship].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
