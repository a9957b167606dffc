/// One entry of a list answer, and the rules for making one from what was given field by
/// field — the same rules in plain mode and on the full screen.
///
/// ```swift
/// let entry = try ListEntry(.people, values: [.name: "Ann", .relationship: "daughter"])   // .person(…)
/// try ListEntry(.people, values: [.relationship: "daughter"])                          // throws .emptyName
/// ```
package enum ListEntry: Sendable, Hashable {
    case person(PersonEntry)
    case outcome(OutcomeEntry)
    case planLine(SupportPlan.Line)

    /// An entry of `kind` from each field's text (a choice field's text is its choice id),
    /// or what is wrong with the first field, in the order they are asked, that is required
    /// and missing or not of its kind.
    /// - Parameter rateCard: a support plan's support types (``EntryListKind/fields(rateCard:)``).
    package init(_ kind: EntryListKind, rateCard: [String] = [], values: [EntryField.Name: String]) throws(AnswerInputProblem) {
        func text(_ name: EntryField.Name) -> String { (values[name] ?? "").trimmingWhitespace() }
        for field in kind.fields(rateCard: rateCard) { try field.check(text(field.name)) }
        switch kind {
        case .people:
            self = .person(PersonEntry(name: text(.name), relationship: text(.relationship), doesNow: text(.doesNow), willingAndAble: text(.willingAndAble)))
        case .outcomes:
            self = .outcome(OutcomeEntry(outcome: text(.outcome), group: OutcomeGroup(rawValue: text(.group)) ?? .qualityOfLife, milestones: text(.milestones),
                                         timescale: text(.timescale), howWeWillKnow: text(.howWeWillKnow),
                                         mayNeedFundedSupport: text(.mayNeedFundedSupport) == QuestionKind.yesID))
        case .supportPlan:
            self = .planLine(SupportPlan.Line(support: text(.support), quantity: Int(text(.quantity)) ?? 1,
                                              frequency: SupportPlan.Line.Frequency(rawValue: text(.frequency)) ?? .perWeek,
                                              outcome: text(.planOutcome), underOption4: SDSOption(rawValue: text(.underOption4))))
        }
    }

    /// Each field's text, to change the entry field by field.
    package var values: [EntryField.Name: String] {
        switch self {
        case .person(let person):
            [.name: person.name, .relationship: person.relationship, .doesNow: person.doesNow, .willingAndAble: person.willingAndAble]
        case .outcome(let outcome):
            [.outcome: outcome.outcome, .group: outcome.group.rawValue, .milestones: outcome.milestones, .timescale: outcome.timescale,
             .howWeWillKnow: outcome.howWeWillKnow, .mayNeedFundedSupport: outcome.mayNeedFundedSupport ? QuestionKind.yesID : QuestionKind.noID]
        case .planLine(let line):
            [.support: line.support, .quantity: String(line.quantity), .frequency: line.frequency.rawValue, .planOutcome: line.outcome,
             .underOption4: line.underOption4?.rawValue ?? EntryField.noOption]
        }
    }

    /// What the entry is called when it is named on its own (asking before removing it).
    package func name(words: ConversationWording) -> String {
        switch self {
        case .person(let person): person.name
        case .outcome(let outcome): outcome.outcome
        case .planLine(let line): words.supportName(line.support)
        }
    }
}
