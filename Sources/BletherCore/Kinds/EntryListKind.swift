/// The kinds of answer that are a list of entries: their fields are ``EntryListKind/fields(rateCard:)``.
///
/// ```swift
/// if case .entries(let list) = question.kind.editingStyle { editor.edit(list, existing: saved) }
/// ```
package enum EntryListKind: Sendable, Equatable, CaseIterable {
    case people, outcomes, supportPlan
}

extension EntryListKind {
    /// The fields of one entry, in the order both faces ask them.
    /// - Parameter rateCard: a support plan's support types, by id; empty when the rules have
    ///   none, and the support is then given in words.
    package func fields(rateCard: [String]) -> [EntryField] {
        switch self {
        case .people:
            return [EntryField(.name, .peopleName, required: true), EntryField(.relationship, .peopleRelationship),
                    EntryField(.doesNow, .peopleDoesNow), EntryField(.willingAndAble, .peopleWillingAndAble)]
        case .outcomes:
            return [EntryField(.outcome, .outcomesOutcome, required: true),
                    EntryField(.group, .outcomesGroup, .choice(OutcomeGroup.allCases.map(\.rawValue)), required: true),
                    EntryField(.milestones, .outcomesMilestones), EntryField(.timescale, .outcomesTimescale),
                    EntryField(.howWeWillKnow, .outcomesHowWeWillKnow),
                    EntryField(.mayNeedFundedSupport, .outcomesMayNeedFundedSupport, .choice([QuestionKind.yesID, QuestionKind.noID]), required: true)]
        case .supportPlan:
            let support = rateCard.isEmpty ? EntryField(.support, .planSupportWords, required: true)
                : EntryField(.support, .planSupportTitle, .choice(rateCard), required: true)
            return [support, EntryField(.quantity, .planQuantity, .quantity, required: true),
                    EntryField(.frequency, .planFrequencyTitle, .choice(SupportPlan.Line.Frequency.allCases.map(\.rawValue)), required: true,
                               preset: SupportPlan.Line.Frequency.perWeek.rawValue),
                    EntryField(.planOutcome, .planOutcome),
                    EntryField(.underOption4, .planOption4Title, .choice([EntryField.noOption] + [SDSOption.option1, .option2, .option3].map(\.rawValue)),
                               preset: EntryField.noOption)]
        }
    }
}
