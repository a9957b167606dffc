import BletherCore

/// The editor for the repeatable *people*, *personal outcomes* and *support plan* lists: the
/// items, an "add" line, and a small form for adding or changing one item.
///
/// ```swift
/// var editor = ListEditor(kind: .people, value: saved)
/// switch editor.handle(.enter, groups: groups, yes: "Yes", no: "No") { case .commit(let value): save(value) … }
/// ```
package struct ListEditor: Sendable, Equatable {
    package enum Kind: Sendable, Equatable { case people, outcomes, supportPlan(PlanChoices) }

    /// The words a support plan line is chosen from: the rate card's support types (none when the
    /// rules have no rate card, so the support is typed in words), how often, and the Option 4 parts.
    package struct PlanChoices: Sendable, Equatable {
        package let supports: [ChoiceItem]
        package let weekly: String
        package let once: String
        package let notSet: String
        /// "Option 1", "Option 2", "Option 3".
        package let options: [String]

        /// The choices of a support plan line for `rateCard`, in the core's words (``EntryField/choiceLabel(_:words:)``).
        package init(rateCard: [String], words: ConversationWording) {
            let fields = EntryListKind.supportPlan.fields(rateCard: rateCard)
            func labels(_ name: EntryField.Name) -> [ChoiceItem] {
                guard let field = fields.first(where: { $0.name == name }), case .choice(let ids) = field.input else { return [] }
                return ids.map { ChoiceItem(id: $0, label: field.choiceLabel($0, words: words)) }
            }
            let often = labels(.frequency).map(\.label), parts = labels(.underOption4).map(\.label)
            self.init(supports: labels(.support), weekly: often.first ?? "", once: often.last ?? "", notSet: parts.first ?? "",
                      options: Array(parts.dropFirst()))
        }

        package init(supports: [ChoiceItem], weekly: String, once: String, notSet: String, options: [String]) {
            self.supports = supports
            self.weekly = weekly
            self.once = once
            self.notSet = notSet
            self.options = options
        }
    }

    /// What the screen needs of the words for an entry's choices: the labels for `groups`,
    /// `yes` and `no` in ``handle(_:groups:yes:no:)``, in the core's words (``EntryField/choiceLabel(_:words:)``).
    package static func choiceWords(_ words: ConversationWording) -> (groups: [String], yes: String, no: String) {
        let fields = EntryListKind.outcomes.fields(rateCard: [])
        func labels(_ name: EntryField.Name) -> [String] {
            guard let field = fields.first(where: { $0.name == name }), case .choice(let ids) = field.input else { return [] }
            return ids.map { field.choiceLabel($0, words: words) }
        }
        let funded = labels(.mayNeedFundedSupport)
        return (labels(.group), funded.first ?? "", funded.last ?? "")
    }

    /// One choice: its id and the words shown for it.
    package struct ChoiceItem: Sendable, Equatable {
        package let id: String
        package let label: String

        package init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// What a key asked the conversation to do.
    package enum Intent: Equatable {
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

    package let kind: Kind
    /// The entries, kept by the core's rules for lists (``EntryList``).
    package private(set) var list: EntryList
    /// The highlighted line: an item, or `count` for the "add" line.
    package private(set) var highlighted = 0
    package private(set) var form: ItemForm? {
        didSet { if form == nil || oldValue == nil { formAsOpened = form } }
    }
    /// The item form as it was opened, to tell whether Esc would throw anything away.
    private var formAsOpened: ItemForm?

    package init(kind: Kind, value: AnswerValue?) {
        self.kind = kind
        list = EntryList(kind.entries, value: value)
        highlighted = list.count
    }

    package var count: Int { list.count }

    package var value: AnswerValue { list.value }

    package func name(of index: Int) -> String {
        switch list.entries[index] {
        case .person(let person): person.name
        case .outcome(let outcome): outcome.outcome
        case .planLine(let line):
            if case .supportPlan(let choices) = kind { choices.supports.first { $0.id == line.support }?.label ?? line.support } else { line.support }
        }
    }

    package mutating func handle(_ key: Key, groups: [String], yes: String, no: String) -> Intent {
        if form != nil { return handleForm(key) }
        switch key {
        case .up: highlighted = max(highlighted - 1, 0)
        case .down: highlighted = min(highlighted + 1, count)
        case .enter:
            form = ItemForm(kind: kind, editing: highlighted < count ? (highlighted, list.entries[highlighted]) : nil, groups: groups, yes: yes, no: no)
        case .delete:
            guard highlighted < count else { return .handled }
            return .confirmRemove(index: highlighted, name: name(of: highlighted))
        default:
            return .notHandled
        }
        return .handled
    }

    /// Closes the item form without saving it (Esc, once the worker said yes).
    package mutating func closeForm() {
        form = nil
    }

    /// Removes an item the worker confirmed; returns the list to save.
    package mutating func remove(at index: Int) -> AnswerValue {
        list.remove(at: index)
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
            do {
                list.put(try ListEntry(kind.entries, rateCard: kind.rateCard, values: editing.values), at: editing.index)
            } catch {
                return .problem(error)
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

extension ListEditor.Kind {
    /// The kind of entries in the core's terms.
    package var entries: EntryListKind {
        switch self {
        case .people: .people
        case .outcomes: .outcomes
        case .supportPlan: .supportPlan
        }
    }

    /// The support types a support plan line is chosen from; empty when typed in words.
    var rateCard: [String] {
        if case .supportPlan(let choices) = self { choices.supports.map(\.id) } else { [] }
    }
}

/// The fields of one entry (``EntryField``) being added or changed: a line for words and
/// numbers, a choice list for choices.
package struct ItemForm: Sendable, Equatable {
    /// The item being changed, or `nil` for a new one.
    package let index: Int?
    /// The fields in the order they are filled in.
    package let fields: [EntryField]
    package private(set) var lines: [EntryField.Name: LineEditor] = [:]
    package private(set) var choiceLists: [EntryField.Name: ChoiceList] = [:]
    /// Which field has focus, in drawing order.
    package private(set) var focus = 0

    init(kind: ListEditor.Kind, editing: (index: Int, entry: ListEntry)?, groups: [String], yes: String, no: String) {
        index = editing?.index
        fields = kind.entries.fields(rateCard: kind.rateCard)
        let values = editing?.entry.values ?? [:]
        for field in fields {
            switch field.input {
            case .words, .quantity:
                lines[field.name] = LineEditor(text: values[field.name] ?? "")
            case .choice(let ids):
                var list = ChoiceList(choices: zip(ids, ItemForm.labels(field, kind: kind, groups: groups, yes: yes, no: no)).map { ($0, $1) },
                                      multiple: false, allowsOther: false, otherLabel: "")
                if let chosen = values[field.name] ?? field.preset { list.select(.choice(chosen, other: nil)) }
                choiceLists[field.name] = list
            }
        }
    }

    /// The words for a choice field's choices, as the screen was given them.
    private static func labels(_ field: EntryField, kind: ListEditor.Kind, groups: [String], yes: String, no: String) -> [String] {
        switch (field.name, kind) {
        case (.group, _): groups
        case (.mayNeedFundedSupport, _): [yes, no]
        case (.support, .supportPlan(let choices)): choices.supports.map(\.label)
        case (.frequency, .supportPlan(let choices)): [choices.weekly, choices.once]
        case (.underOption4, .supportPlan(let choices)): [choices.notSet] + choices.options
        case (_, .people), (_, .outcomes), (_, .supportPlan): []
        }
    }

    /// Each field's text: a line's words, a choice list's choice id.
    package var values: [EntryField.Name: String] {
        var values: [EntryField.Name: String] = [:]
        for (name, line) in lines { values[name] = line.text }
        for (name, list) in choiceLists { values[name] = list.chosenIDs.first }
        return values
    }

    package var focusedField: EntryField { fields[focus] }

    mutating func handle(_ key: Key) -> Bool {
        let onLine = lines[focusedField.name] != nil
        switch key {
        // Tab and Enter always move between fields; Down and Up do only on a one-line field.
        case .tab, .enter:
            focus = (focus + 1) % fields.count
            return true
        case .down where onLine:
            focus = (focus + 1) % fields.count
            return true
        case .backTab:
            focus = (focus + fields.count - 1) % fields.count
            return true
        case .up where onLine:
            focus = (focus + fields.count - 1) % fields.count
            return true
        default:
            break
        }
        let name = focusedField.name
        if var line = lines[name] {
            defer { lines[name] = line }
            return line.handle(key)
        }
        if var list = choiceLists[name] {
            defer { choiceLists[name] = list }
            return list.handle(key)
        }
        return false
    }

    /// Whether every field holds what it holds in `other`, wherever the focus is.
    func hasSameContent(as other: ItemForm) -> Bool {
        values == other.values
    }
}
