/// One field of an entry in a list answer — a person, a personal outcome, a line of the
/// support plan: its name, its words in the catalog, how it is given, and whether an entry
/// needs it. Both faces ask the fields of ``EntryListKind/fields(rateCard:)`` in order
/// and hand what was given to ``ListEntry/init(_:values:)``, which holds the rules.
///
/// ```swift
/// for field in EntryListKind.people.fields(rateCard: []) { ask(catalog.text(field.label)) }
/// ```
package struct EntryField: Sendable, Equatable {
    /// Every field of every kind of entry.
    package enum Name: String, Sendable, Hashable, CaseIterable {
        case name, relationship, doesNow, willingAndAble
        case outcome, group, milestones, timescale, howWeWillKnow, mayNeedFundedSupport
        case support, quantity, frequency, planOutcome, underOption4
    }

    /// How a field is given.
    package enum Input: Sendable, Equatable {
        /// Words on one line.
        case words
        /// How many: a whole number from 1 to ``SupportPlan/Line/maximumQuantity``.
        case quantity
        /// One of these choice ids, said by ``EntryField/choiceLabel(_:words:)``.
        case choice([String])
    }

    package let name: Name
    /// What the field is called: beside a line, or above its choices.
    package let label: UIText
    package let input: Input
    /// An entry is not kept without it; an empty first field ends a list in plain mode.
    package let required: Bool
    /// The choice a new entry starts with: every week; no part under Option 4.
    package let preset: String?

    init(_ name: Name, _ label: UIText, _ input: Input = .words, required: Bool = false, preset: String? = nil) {
        self.name = name
        self.label = label
        self.input = input
        self.required = required
        self.preset = preset
    }

    /// Why an entry without this required field is not kept.
    package var missing: AnswerInputProblem {
        switch (name, input) {
        case (.group, _): .choiceNotNumber
        case (.mayNeedFundedSupport, _): .yesOrNo
        case (_, .choice): .chooseOne
        case (_, .quantity): .quantity("")
        case (_, .words): .emptyName
        }
    }

    /// The choice id for "no part under Option 4".
    package static let noOption = "none"

    /// The words for one of this field's choice ids.
    package func choiceLabel(_ id: String, words: ConversationWording) -> String {
        let catalog = words.catalog
        switch name {
        case .group: return OutcomeGroup(rawValue: id).map(words.outcomeGroupName) ?? id
        case .mayNeedFundedSupport: return catalog.text(id == QuestionKind.yesID ? .answerYes : .answerNo)
        case .support: return words.supportName(id)
        case .frequency: return catalog.text(id == SupportPlan.Line.Frequency.once.rawValue ? .planFrequencyOnce : .planFrequencyWeekly)
        case .underOption4:
            guard let option = SDSOption(rawValue: id) else { return catalog.text(.planOption4None) }
            return catalog.text(.planOption, ["number": String(option.number)])
        case .name, .relationship, .doesNow, .willingAndAble, .outcome, .milestones, .timescale, .howWeWillKnow, .quantity, .planOutcome:
            return id
        }
    }
}

extension EntryField {
    /// Whether `given` (trimmed) answers this field, for every face: words when required, a
    /// quantity from 1 to ``SupportPlan/Line/maximumQuantity``, one of the choices when required.
    ///
    /// ```swift
    /// try field.check("3")   // a quantity: fine; "0" or "lots" throws .quantity
    /// ```
    package func check(_ given: String) throws(AnswerInputProblem) {
        switch input {
        case .words:
            if required && given.isEmpty { throw missing }
        case .quantity:
            guard let quantity = Int(given), (1...SupportPlan.Line.maximumQuantity).contains(quantity) else { throw .quantity(given) }
        case .choice(let ids):
            if required && !ids.contains(given) { throw missing }
        }
    }
}
