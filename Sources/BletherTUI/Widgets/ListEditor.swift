import BletherCore

/// The editor for the repeatable *people*, *personal outcomes* and *support plan* lists: the
/// items, an "add" line, and a small form for adding or changing one item.
///
/// ```swift
/// var editor = ListEditor(people: existing, words: words)
/// switch editor.handle(.enter) { case .commit(let value): save(value) … }
/// ```
public struct ListEditor: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case people, outcomes, supportPlan(PlanChoices) }

    /// The words a support plan line is chosen from: the rate card's support types (none when the
    /// rules have no rate card, so the support is typed in words), how often, and the Option 4 parts.
    public struct PlanChoices: Sendable, Equatable {
        public let supports: [ChoiceItem]
        public let weekly: String
        public let once: String
        public let notSet: String
        /// "Option 1", "Option 2", "Option 3".
        public let options: [String]

        public init(supports: [ChoiceItem], weekly: String, once: String, notSet: String, options: [String]) {
            self.supports = supports
            self.weekly = weekly
            self.once = once
            self.notSet = notSet
            self.options = options
        }
    }

    /// One choice: its id and the words shown for it.
    public struct ChoiceItem: Sendable, Equatable {
        public let id: String
        public let label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// What a key asked the conversation to do.
    public enum Intent: Equatable {
        case handled
        case notHandled
        /// Save the list as it now is.
        case commit(AnswerValue)
        /// Ask before removing the item at this index; its name is given for the question.
        case confirmRemove(index: Int, name: String)
        /// Esc on an item form whose fields were changed: ask before throwing them away.
        case confirmDiscard
        case problem(AnswerInputProblem)
    }

    public let kind: Kind
    public private(set) var people: [PersonEntry]
    public private(set) var outcomes: [OutcomeEntry]
    public private(set) var plan: [SupportPlan.Line]
    /// The highlighted line: an item, or `count` for the "add" line.
    public private(set) var highlighted = 0
    public private(set) var form: ItemForm? {
        didSet { if form == nil || oldValue == nil { formAsOpened = form } }
    }
    /// The item form as it was opened, to tell whether Esc would throw anything away.
    private var formAsOpened: ItemForm?

    public init(kind: Kind, value: AnswerValue?) {
        self.kind = kind
        if case .people(let people)? = value { self.people = people } else { people = [] }
        if case .outcomes(let outcomes)? = value { self.outcomes = outcomes } else { outcomes = [] }
        if case .supportPlan(let lines)? = value { plan = lines } else { plan = [] }
        highlighted = count
    }

    public var count: Int {
        switch kind {
        case .people: people.count
        case .outcomes: outcomes.count
        case .supportPlan: plan.count
        }
    }

    public var value: AnswerValue {
        switch kind {
        case .people: .people(people)
        case .outcomes: .outcomes(outcomes)
        case .supportPlan: .supportPlan(plan)
        }
    }

    public func name(of index: Int) -> String {
        switch kind {
        case .people: people[index].name
        case .outcomes: outcomes[index].outcome
        case .supportPlan(let choices): choices.supports.first { $0.id == plan[index].support }?.label ?? plan[index].support
        }
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

    /// Closes the item form without saving it (Esc, once the worker said yes).
    public mutating func closeForm() {
        form = nil
    }

    /// Removes an item the worker confirmed; returns the list to save.
    public mutating func remove(at index: Int) -> AnswerValue {
        switch kind {
        case .people: people.remove(at: index)
        case .outcomes: outcomes.remove(at: index)
        case .supportPlan: plan.remove(at: index)
        }
        highlighted = min(highlighted, count)
        return value
    }

    private mutating func handleForm(_ key: Key) -> Intent {
        guard var editing = form else { return .notHandled }
        switch key {
        case .escape:
            if let formAsOpened, !editing.hasSameContent(as: formAsOpened) { return .confirmDiscard }
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
            case .success(.planLine(let line)):
                if let index = editing.index { plan[index] = line } else { plan.append(line) }
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
    /// For a support plan line: its type, how often, and its part under Option 4.
    public private(set) var support: ChoiceList?
    public private(set) var frequency: ChoiceList?
    public private(set) var option4: ChoiceList?
    /// Which field has focus, in drawing order.
    public private(set) var focus = 0

    enum Entry { case person(PersonEntry), outcome(OutcomeEntry), planLine(SupportPlan.Line) }

    init(kind: ListEditor.Kind, groups: [String], yes: String, no: String) {
        index = nil
        if kind == .people {
            lines = Array(repeating: LineEditor(), count: 4)
        } else if case .supportPlan(let choices) = kind {
            // Lines: how many, the outcome, and the support in words when there is no rate card.
            lines = Array(repeating: LineEditor(), count: 3)
            if !choices.supports.isEmpty {
                support = ChoiceList(choices: choices.supports.map { ($0.id, $0.label) }, multiple: false, allowsOther: false, otherLabel: "")
            }
            frequency = ChoiceList(choices: [(SupportPlan.Line.Frequency.perWeek.rawValue, choices.weekly), (SupportPlan.Line.Frequency.once.rawValue, choices.once)],
                                   multiple: false, allowsOther: false, otherLabel: "")
            frequency?.select(.choice(SupportPlan.Line.Frequency.perWeek.rawValue, other: nil))
            option4 = ChoiceList(choices: [("none", choices.notSet)] + zip([SDSOption.option1, .option2, .option3].map(\.rawValue), choices.options).map { ($0, $1) },
                                 multiple: false, allowsOther: false, otherLabel: "")
            option4?.select(.choice("none", other: nil))
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
        } else if case .supportPlan = list.kind {
            let line = list.plan[index]
            lines = [LineEditor(text: String(line.quantity)), LineEditor(text: line.outcome), LineEditor(text: support == nil ? line.support : "")]
            support?.select(.choice(line.support, other: nil))
            frequency?.select(.choice(line.frequency.rawValue, other: nil))
            option4?.select(.choice(line.underOption4?.rawValue ?? "none", other: nil))
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
        support = other.support
        frequency = other.frequency
        option4 = other.option4
    }

    /// Fields in order: people have four lines; outcomes have the outcome, its group,
    /// milestones, timescale, how we will know, and whether it may need funded support; a
    /// support plan line has its type, how many, how often, the outcome, and its Option 4 part.
    public enum Field: Equatable { case line(Int), group, funded, support, frequency, option4 }

    public var fields: [Field] {
        if frequency != nil { return [support == nil ? .line(2) : .support, .line(0), .frequency, .line(1), .option4] }
        return group == nil ? (0..<4).map(Field.line) : [.line(0), .group, .line(1), .line(2), .line(3), .funded]
    }

    /// The choice list a choice field shows.
    public func choices(for field: Field) -> ChoiceList? {
        switch field {
        case .group: group
        case .funded: funded
        case .support: support
        case .frequency: frequency
        case .option4: option4
        case .line: nil
        }
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
        case .support: return support?.handle(key) ?? false
        case .frequency: return frequency?.handle(key) ?? false
        case .option4: return option4?.handle(key) ?? false
        }
    }

    /// Whether every field holds what it holds in `other`, wherever the focus is.
    func hasSameContent(as other: ItemForm) -> Bool {
        func choices(_ form: ItemForm) -> [Result<AnswerValue, AnswerInputProblem>?] {
            [form.group, form.funded, form.support, form.frequency, form.option4].map { $0?.value }
        }
        return lines.map(\.text) == other.lines.map(\.text) && choices(self) == choices(other)
    }

    func entry(kind: ListEditor.Kind) -> Result<Entry, AnswerInputProblem> {
        let texts = lines.map { $0.text.trimmingCharacters(in: .whitespaces) }
        if case .supportPlan = kind {
            let supportID: String
            if let support {
                guard case .success(.choice(let id?, _)) = support.value else { return .failure(.chooseOne) }
                supportID = id
            } else {
                guard !texts[2].isEmpty else { return .failure(.emptyName) }
                supportID = texts[2]
            }
            guard let quantity = Int(texts[0]), (1...SupportPlan.Line.maximumQuantity).contains(quantity) else { return .failure(.quantity(texts[0])) }
            guard case .success(.choice(let often?, _))? = frequency?.value, let oftenValue = SupportPlan.Line.Frequency(rawValue: often) else {
                return .failure(.chooseOne)
            }
            var under: SDSOption?
            if case .success(.choice(let part?, _))? = option4?.value { under = SDSOption(rawValue: part) }
            return .success(.planLine(SupportPlan.Line(support: supportID, quantity: quantity, frequency: oftenValue, outcome: texts[1], underOption4: under)))
        }
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
