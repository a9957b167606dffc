import BletherCore
import BletherStore

/// Saves a list as it now stands, the moment an item is accepted; returns false (having said
/// why) when the engine refuses it. A partial list is a valid saved answer: whether the
/// question still needs attention is the section's state to say.
typealias PlainListSaver = (AnswerValue) throws(StoreError) -> Bool

/// Plain-mode editing of the repeatable *people*, *personal outcomes* and *support plan*
/// lists: keep the list, add to it, or write it afresh, one field per prompt. Which fields an
/// entry has, which it needs and how one is made are the core's (``EntryListKind``,
/// ``ListEntry``, ``EntryList``); this only asks for them, as the full screen's item form does.
///
/// Each item is saved as soon as its last field is accepted, so the end of input or a killed
/// process keeps every item already given. After `again` the old list stays saved until the
/// first new item replaces it; ending the new list with no items at all clears it.
///
/// ```swift
/// let editor = PlainListEditor(words: words, output: output, promptText: "[the person] >", save: { try apply($0) })
/// let reply = try editor.edit(.people, existing: saved, input: &input)
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
    private func startingList(_ items: [ListEntry], countKey: UIText, describe: (ListEntry) -> String,
                              input: inout any LineSource) -> PlainRead<[ListEntry]> {
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
    private static func ending(_ items: [ListEntry], existing: [ListEntry], empty: AnswerValue) -> PlainAnswerReply {
        if !items.isEmpty { return .keep }
        // `again` and then no item at all: the worker cleared the list on purpose.
        return existing.isEmpty ? .empty : .value(empty)
    }

    /// Asks for entries of `kind` one at a time, field by field (``EntryListKind/fields(rateCard:)``), until
    /// the first field is left empty; the core's rules (``ListEntry``) make each entry, and the
    /// list is saved as each one is accepted.
    /// - Parameter rateCard: a support plan's support types, offered by number; empty for words.
    func edit(_ kind: EntryListKind, existing: AnswerValue?, rateCard: [String] = [], input: inout any LineSource) throws(StoreError) -> PlainAnswerReply {
        let saved = EntryList(kind, value: existing)
        var list: EntryList
        let countKey: UIText = switch kind { case .people: .listCountPeople; case .outcomes: .listCountOutcomes; case .supportPlan: .planCount }
        switch startingList(saved.entries, countKey: countKey, describe: describe, input: &input) {
        case .stop(let reply): return reply
        case .got(let start):
            list = EntryList(kind, value: nil)
            for entry in start { list.put(entry, at: nil) }
        }
        switch kind {
        case .people: output.line("    " + catalog.text(.listPeopleIntro))
        case .outcomes: output.line("    " + catalog.text(.listOutcomesIntro))
        case .supportPlan:
            output.line("    " + catalog.text(.planIntro))
            for (index, support) in rateCard.enumerated() { output.line("      \(index + 1). \(words.supportName(support))") }
        }
        let fields = kind.fields(rateCard: rateCard)
        entries: while true {
            output.line(catalog.text(.listItemNumber, ["number": String(list.count + 1)]))
            var values: [EntryField.Name: String] = [:]
            for field in fields {
                switch askField(field, kind: kind, endsList: field == fields.first, &input) {
                case .stop(let reply): return reply
                case .got(let text):
                    // The first field left empty ends the list.
                    if field == fields.first && text.isEmpty { break entries }
                    values[field.name] = text
                }
            }
            let entry: ListEntry
            do {
                entry = try ListEntry(kind, rateCard: rateCard, values: values)
            } catch {
                output.line(words.inputProblem(error))
                continue
            }
            if try save(list.adding(entry).value) { list.put(entry, at: nil) }
        }
        return Self.ending(list.entries, existing: saved.entries, empty: EntryList(kind, value: nil).value)
    }

    /// One field of an entry, asked until it is of its kind: words as typed, a quantity as a
    /// whole number, a choice by its number (or yes or no); what comes back is the field's text.
    /// - Parameter endsList: Enter on its own ends the list (the first field).
    private func askField(_ field: EntryField, kind: EntryListKind, endsList: Bool, _ input: inout any LineSource) -> PlainRead<String> {
        // A support plan's problems are indented under its prompts; a list's are said flush.
        let indent = kind == .supportPlan ? "    " : ""
        switch field.input {
        case .words:
            switch ask(catalog.text(field.label), &input) {
            case .text(let text): return .got(text)
            case let other: return .stop(bail(other))
            }
        case .quantity:
            while true {
                switch ask(catalog.text(field.label), &input) {
                case .text(let text):
                    do throws(AnswerInputProblem) {
                        try field.check(text)
                        return .got(text)
                    } catch {
                        output.line(indent + words.inputProblem(error))
                    }
                case let other: return .stop(bail(other))
                }
            }
        case .choice(let ids):
            // A choice that may be left is left with Enter, and the others are numbered without it.
            let numbered = field.required ? ids : ids.filter { $0 != field.preset }
            let prompt: String
            switch field.name {
            case .group:
                output.line("    " + catalog.text(field.label))
                for (index, id) in numbered.enumerated() { output.line("      \(index + 1). \(field.choiceLabel(id, words: words))") }
                prompt = promptText
            case .mayNeedFundedSupport:
                prompt = catalog.text(field.label) + " (" + catalog.text(.inputYesno) + "):"
            case .support: prompt = catalog.text(.planSupport) + ":"
            case .frequency: prompt = catalog.text(.planFrequency) + ":"
            case .underOption4: prompt = catalog.text(.planOption4) + ":"
            case .name, .relationship, .doesNow, .willingAndAble, .outcome, .milestones, .timescale, .howWeWillKnow, .quantity, .planOutcome:
                prompt = catalog.text(field.label) + ":"
            }
            while true {
                output.prompt(prompt)
                guard let line = input.nextLine() else { return .stop(.endOfInput) }
                if let command = PlainCommand(line: line) { return .stop(.command(command)) }
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty && endsList { return .got("") }
                if text.isEmpty && !field.required { return .got(field.preset ?? "") }
                do throws(AnswerInputProblem) {
                    if ids == [QuestionKind.yesID, QuestionKind.noID] {
                        return .got(try AnswerInput.yesNo(text, yes: catalog.text(.answerYes), no: catalog.text(.answerNo)) ? QuestionKind.yesID : QuestionKind.noID)
                    }
                    let number = try AnswerInput.choiceNumbers(text, count: numbered.count, single: true)[0]
                    return .got(numbered[number - 1])
                } catch {
                    output.line(indent + words.inputProblem(error))
                }
            }
        }
    }

    /// An entry as it is listed before asking whether to keep the list.
    private func describe(_ entry: ListEntry) -> String {
        switch entry {
        case .person(let person): [person.name, person.relationship].filter { !$0.isEmpty }.joined(separator: ", ")
        case .outcome(let outcome): outcome.outcome
        case .planLine(let line): words.planLine(line)
        }
    }
}
