import BletherCore
import BletherForms
import Foundation
import Testing

/// The costing explained step by step, as the person is shown it and as it is kept in the
/// record, for one case of each example rules file, compared with golden files.
@Suite struct CostingExplanationTests {
    let records = RecordCopyTests()

    func explanation(rules: String, answers: [(String, AnswerValue)]) throws -> String {
        var session = try records.fullSession(option: "option-4", decision: "referred")
        for (question, value) in [("costing-rules", AnswerValue.choice(rules, other: nil))] + answers {
            _ = try session.handle(.answer(question: question, value: value), at: Date())
        }
        return try CostingExplanation(costing: try #require(ConversationCosting(session: session)), words: records.words("en-GB")).text
    }

    @Test func aRateCardCaseWithOption4AOneOffAndAContribution() throws {
        // Option 4: 10 h of a personal assistant as Option 1 (£175.00) and 2 day opportunities as Option 3 (£104.00) a week,
        // £279.00 × 365 ÷ 7 = £14,547.86, plus an alarm once, £120.00: £14,667.86. Chargeable: £5,422.86 + £120.00; 10% = £554.28.
        let text = try explanation(rules: "example-rate-card", answers: [("support-plan", .supportPlan([
            SupportPlan.Line(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Get to the choir every week", underOption4: .option1),
            SupportPlan.Line(support: "day-opportunity", quantity: 2, frequency: .perWeek, outcome: "Days out with friends", underOption4: .option3),
            SupportPlan.Line(support: "community-alarm-install", quantity: 1, frequency: .once, outcome: "Feel safe at night"),
        ]))])
        #expect(text.contains("Relevant amount under Option 4 for the whole period: £14,667.86"))
        #expect(text.contains("Contribution: 10% of £5,542.86, the part that is not personal care = £554.28"))
        #expect(text.contains("Option 1 cannot be costed with this plan: Day opportunity is not offered under Option 1."))
        #expect(text.contains("Who decides: a team leader, because it is above the worker's limit of £8,000.00."))
        try records.expectGolden(text, named: "explanation-rate-card-en-GB.txt", fingerprint: "(no fingerprint in an explanation)")
    }

    @Test func aPointsAndBandsCaseAtABandEdge() throws {
        // No decision question (0), an unpaid carer (0), 10 hours × 2 = 20 points: the lower edge of the £4,000.00 band.
        let text = try explanation(rules: "example-points-and-bands", answers: [("hours-per-week", .number(10)), ("support-plan", .supportPlan([
            SupportPlan.Line(support: "A driver on choir nights", quantity: 1, frequency: .perWeek, outcome: "Get to the choir every week"),
        ]))])
        #expect(text.contains("Total: 20 points. That is in the band from 20 to 49 points, which gives an indicative £4,000.00 a year."))
        #expect(text.contains("£4,000.00 (the yearly amount over 365 days) is the relevant amount under every option"))
        #expect(text.contains("Who decides: the worker, because it is within the worker's limit of £8,000.00."))
        try records.expectGolden(text, named: "explanation-points-and-bands-en-GB.txt", fingerprint: "(no fingerprint in an explanation)")
    }

    @Test func anOption4PartThatIsNotOfferedIsNamed() throws {
        let text = try explanation(rules: "example-rate-card", answers: [("support-plan", .supportPlan([
            SupportPlan.Line(support: "provider-hour", quantity: 5, frequency: .perWeek, underOption4: .option1),
        ]))])
        #expect(text.contains("Option 4 cannot be costed with this plan: Care at home from a provider is to be arranged as Option 1, which does not offer it."))
        #expect(text.contains("Option 1 cannot be costed with this plan: Care at home from a provider is not offered under Option 1."))
    }

    @Test func noChoiceIsRecordedAsDeemedOption3AndSaidSo() throws {
        var session = try records.fullSession(option: "no-choice", decision: "approved")
        _ = try session.handle(.answer(question: "costing-rules", value: .choice("example-rate-card", other: nil)), at: Date())
        let costing = try #require(ConversationCosting(session: session))
        #expect(costing.arrangement == ConversationCosting.Arrangement(option: .option3, isDeemed: true))
        let result = try costing.result()
        let lines = records.words("en-GB").choiceLines(option: .option3, deemed: true, amount: result.amounts[.option3])
        #expect(lines.contains("No choice was made, so the support is recorded as Option 3, the council arranges it (a deemed choice). The person can choose another option at any time."))
        // 3 h × £21.80 = £65.40 a week; × 365 ÷ 7 = £3,410.14; + £120.00 = £3,530.14.
        #expect(lines.contains("The relevant amount for the chosen option is £3,530.14."))
    }
}
