import BletherCore

/// The editor for the repeatable *people* and *personal outcomes* lists: the items, an
/// "add" line, and a small form for adding or changing one item.
///
/// ```swift
/// var editor = ListEditor(people: existing, words: words)
/// switch editor.handle(.enter) { case .commit(let value): save(value) … }
/// ```
public struct ListEditor: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case people, outcomes }

    /// What a key asked the conversation to do.
    public enum Intent: Equatable {
        case handled
        case notHandled
        /// Save the list as it now is.
        case commit(AnswerValue)
        /// Ask before removing the item at this index; its name is given for the question.
        case confirmRemove(index: Int, name: String)
        case problem(AnswerInputProblem)
    }

    public let kind: Kind
    public private(set) var people: [PersonEntry]
    public private(set) var outcomes: [OutcomeEntry]
    /// The highlighted line: an item, or `count` for the "add" line.
    public private(set) var highlighted = 0
    public private(set) var form: ItemForm?

    public init(kind: Kind, value: AnswerValue?) {
        self.kind = kind
        if case .people(let people)? = value { self.people = people } else { people = [] }
        if case .outcomes(let outcomes)? = value { self.outcomes = outcomes } else { outcomes = [] }
        highlighted = count
    }

    public var count: Int { kind == .people ? people.count : outcomes.count }

    public var value: AnswerValue { kind == .people ? .people(people) : .outcomes(outcomes) }

    public func name(of index: Int) -> String {
        kind == .people ? people[index].name : outcomes[index].outcome
    }

    public mutating func handle(_ key: Key, groups: [String], yes: String, no: String) -> Intent {
        if form != nil { return handleForm(key) }
        switch key {
        case .up: highlighted = max(highlighted - 1, 0)
        case .down: highlighted = min(highlighted + 1, count)
        case .enter:
            form = highlighted < count ? ItemForm(editing: self, index: highlighted, groups: groups, yes: yes, no: no)
                : ItemForm(kind: kind, groups: groups, yes: yes, no: no)
        case .delete:
            guard highlighted < count else { return .handled }
            return .confirmRemove(index: highlighted, name: name(of: highlighted))
        default:
            return .notHandled
        }
        return .handled
    }

    /// Removes an item the worker confirmed; returns the list to save.
    public mutating func remove(at index: Int) -> AnswerValue {
        if kind == .people { people.remove(at: index) } else { outcomes.remove(at: index) }
        highlighted = min(highlighted, count)
        return value
    }

    private mutating func handleForm(_ key: Key) -> Intent {
        guard var editing = form else { return .notHandled }
        switch key {
        case .escape:
            form = nil
            return .handled
        case .control("s"):
            switch editing.entry(kind: kind) {
            case .failure(let problem):
                return .problem(problem)
            case .success(.person(let person)):
                if let index = editing.index { people[index] = person } else { people.append(person) }
            case .success(.outcome(let outcome)):
                if let index = editing.index { outcomes[index] = outcome } else { outcomes.append(outcome) }
            }
            form = nil
            highlighted = count
            return .commit(value)
        default:
            let handled = editing.handle(key)
            form = editing
            return handled ? .handled : .notHandled
        }
    }
}

/// The fields of one person or one outcome, being added or changed.
public struct ItemForm: Sendable, Equatable {
    /// The item being changed, or `nil` for a new one.
    public let index: Int?
    public private(set) var lines: [LineEditor]
    public private(set) var group: ChoiceList?
    public private(set) var funded: ChoiceList?
    /// Which field has focus, in drawing order.
    public private(set) var focus = 0

    enum Entry { case person(PersonEntry), outcome(OutcomeEntry) }

    init(kind: ListEditor.Kind, groups: [String], yes: String, no: String) {
        index = nil
        if kind == .people {
            lines = Array(repeating: LineEditor(), count: 4)
        } else {
            lines = Array(repeating: LineEditor(), count: 4)
            group = ChoiceList(choices: zip(OutcomeGroup.allCases.map(\.rawValue), groups).map { ($0, $1) }, multiple: false, allowsOther: false, otherLabel: "")
            funded = ChoiceList(choices: [("yes", yes), ("no", no)], multiple: false, allowsOther: false, otherLabel: "")
        }
    }

    init(editing list: ListEditor, index: Int, groups: [String], yes: String, no: String) {
        self.init(kind: list.kind, groups: groups, yes: yes, no: no)
        self = ItemForm(copying: self, index: index)
        if list.kind == .people {
            let person = list.people[index]
            lines = PersonEntry.Field.allCases.map { LineEditor(text: person[$0]) }
        } else {
            let outcome = list.outcomes[index]
            lines = [outcome.outcome, outcome.milestones, outcome.timescale, outcome.howWeWillKnow].map { LineEditor(text: $0) }
            group?.select(.choice(outcome.group.rawValue, other: nil))
            funded?.select(.choice(outcome.mayNeedFundedSupport ? "yes" : "no", other: nil))
        }
    }

    private init(copying other: ItemForm, index: Int) {
        self.index = index
        lines = other.lines
        group = other.group
        funded = other.funded
    }

    /// Fields in order: people have four lines; outcomes have the outcome, its group,
    /// milestones, timescale, how we will know, and whether it may need funded support.
    public enum Field: Equatable { case line(Int), group, funded }

    public var fields: [Field] {
        group == nil ? (0..<4).map(Field.line) : [.line(0), .group, .line(1), .line(2), .line(3), .funded]
    }

    public var focusedField: Field { fields[focus] }

    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down where focusedField.isLine:
            focus = (focus + 1) % fields.count
            return true
        case .backTab, .up where focusedField.isLine:
            focus = (focus + fields.count - 1) % fields.count
            return true
        case .enter:
            focus = (focus + 1) % fields.count
            return true
        default:
            break
        }
        switch focusedField {
        case .line(let index): return lines[index].handle(key)
        case .group: return group?.handle(key) ?? false
        case .funded: return funded?.handle(key) ?? false
        }
    }

    func entry(kind: ListEditor.Kind) -> Result<Entry, AnswerInputProblem> {
        let texts = lines.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard !texts[0].isEmpty else { return .failure(.emptyName) }
        if kind == .people {
            return .success(.person(PersonEntry(name: texts[0], relationship: texts[1], doesNow: texts[2], willingAndAble: texts[3])))
        }
        guard case .success(.choice(let groupID?, _))? = group?.value, let outcomeGroup = OutcomeGroup(rawValue: groupID) else {
            return .failure(.choiceNotNumber)
        }
        let needsFunding: Bool
        switch funded?.value {
        case .success(.choice("yes", _))?: needsFunding = true
        case .success(.choice("no", _))?: needsFunding = false
        default: return .failure(.yesOrNo)
        }
        return .success(.outcome(OutcomeEntry(outcome: texts[0], group: outcomeGroup, milestones: texts[1], timescale: texts[2],
                                              howWeWillKnow: texts[3], mayNeedFundedSupport: needsFunding)))
    }
}

extension ItemForm.Field {
    var isLine: Bool { if case .line = self { true } else { false } }
}

import Foundation
