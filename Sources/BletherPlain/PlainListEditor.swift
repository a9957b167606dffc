import BletherCore
import BletherStore

/// Saves a list as it now stands, the moment an item is accepted; returns false (having said
/// why) when the engine refuses it. A partial list is a valid saved answer: whether the
/// question still needs attention is the section's state to say.
typealias PlainListSaver = (AnswerValue) throws(StoreError) -> Bool

/// Plain-mode editing of the repeatable *people* and *personal outcomes* lists: keep
/// the list, add to it, or write it afresh, one field per prompt.
///
/// Each item is saved as soon as its last field is accepted, so the end of input or a killed
/// process keeps every item already given. After `again` the old list stays saved until the
/// first new item replaces it; ending the new list with no items at all clears it.
///
/// ```swift
/// let editor = PlainListEditor(words: words, output: output, promptText: "[the person] >", save: { try apply($0) })
/// let reply = try editor.editPeople(existing, input: &input)
/// ```
struct PlainListEditor {
    let words: ConversationWording
    let output: any PlainOutput
    let promptText: String
    let save: PlainListSaver

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

    /// What the list comes to once its last item is given: every accepted item is already saved.
    static func ending<Item>(_ items: [Item], existing: [Item], empty: AnswerValue) -> PlainAnswerReply {
        if !items.isEmpty { return .keep }
        // `again` and then no item at all: the worker cleared the list on purpose.
        return existing.isEmpty ? .empty : .value(empty)
    }

    func editPeople(_ existing: [PersonEntry], input: inout any LineSource) throws(StoreError) -> PlainAnswerReply {
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
            if try save(.people(people + [person])) { people.append(person) }
        }
        return Self.ending(people, existing: existing, empty: .people([]))
    }

    func editOutcomes(_ existing: [OutcomeEntry], input: inout any LineSource) throws(StoreError) -> PlainAnswerReply {
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
            if try save(.outcomes(outcomes + [entry])) { outcomes.append(entry) }
        }
        return Self.ending(outcomes, existing: existing, empty: .outcomes([]))
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
