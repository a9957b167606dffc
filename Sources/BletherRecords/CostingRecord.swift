import BletherCore
import Foundation

/// The costing as it goes into a signed record: which rules (id, version, file hash), the plan,
/// every figure for every option in pence, the option chosen or deemed, who may decide, the
/// step-by-step explanation the person was shown (its language, exact text and hash), and the
/// council's words on how to challenge a decision.
///
/// ```swift
/// let record = try CostingRecord(costing: costing, words: words, rulesSHA256: hash)
/// payload.costing = record
/// ```
package struct CostingRecord: Sendable, Equatable {
    package let rules: CostingRules
    package let rulesSHA256: String
    package let plan: SupportPlan
    package let result: CostingCalculation.Result
    package let arrangement: ConversationCosting.Arrangement?
    package let explanationLanguage: String
    package let explanation: String
    package let challenge: String
    /// The worker recorded the decision as referred to a team leader or service manager.
    package let isReferred: Bool

    /// Works the costing out and explains it in `words`' language.
    package init(costing: ConversationCosting, words: ConversationWording, rulesSHA256: String) throws(CostingCalculation.Problem) {
        let explained = try CostingExplanation(costing: costing, words: words)
        rules = costing.rules
        self.rulesSHA256 = rulesSHA256
        plan = costing.plan
        result = explained.result
        arrangement = costing.arrangement
        explanationLanguage = words.catalog.language
        explanation = explained.text
        challenge = costing.rules.challenge.text(language: words.catalog.language)
        isReferred = costing.isReferred
    }

    /// Who may decide the chosen option's amount.
    package var decider: DecisionRole? { arrangement.flatMap { result.decider[$0.option] } }

    package var canonical: CanonicalValue {
        func byOption(_ values: [SDSOption: Money]) -> CanonicalValue {
            .object(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, CanonicalValue.integer($0.value.pence)) }))
        }
        var members: [PayloadKey.Costing: CanonicalValue] = [
            .rules: .keyed([PayloadKey.Rules.id: .string(rules.id), .version: .integer(rules.version), .council: .string(rules.council),
                            .sha256: .string(rulesSHA256),
                            .period: .keyed([PayloadKey.Period.from: .string(rules.period.from.iso), .to: .string(rules.period.to.iso)])]),
            .plan: AnswerValue.supportPlan(plan.lines).canonical,
            .points: .integer(result.totalPoints),
            .indicativeYearlyPence: result.indicativeYearly.map { .integer($0.pence) } ?? .null,
            .weeklyPence: byOption(result.weekly),
            .amountPence: byOption(result.amounts),
            .contributionPence: byOption(result.contributions),
            .contributionPercent: .integer(rules.contribution.percent),
            .limitsPence: .object(Dictionary(uniqueKeysWithValues: rules.limits.map { ($0.key.rawValue, CanonicalValue.integer($0.value.pence)) })),
            .explanation: .keyed([PayloadKey.Explanation.language: .string(explanationLanguage), .text: .string(explanation),
                                  .sha256: .string(ContentHash.sha256(explanation))]),
            .challenge: .string(challenge),
            .referred: .bool(isReferred),
        ]
        if let arrangement {
            members[.option] = .string(arrangement.option.rawValue)
            members[.deemed] = .bool(arrangement.isDeemed)
        }
        if let decider { members[.decidedBy] = .string(decider.rawValue) }
        return .keyed(members)
    }
}
