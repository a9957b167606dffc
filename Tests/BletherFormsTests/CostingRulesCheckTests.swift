import BletherCore
import BletherForms
import Foundation
import Testing

/// Costing rules that do not add up are refused with file and line; the shipped examples
/// give the hand-checked figures.
@Suite struct CostingRulesCheckTests {
    let bands = "forms/costing/example-points-and-bands.yaml"
    let card = "forms/costing/example-rate-card.yaml"

    func descriptions(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
    }

    @Test func overlappingAndGappedBandsAreNamed() throws {
        let fixture = try FormFixture()
        try fixture.edit(bands, replacing: "  - from: 50\n", with: "  - from: 45\n")
        try fixture.edit(bands, replacing: "  - from: 80\n", with: "  - from: 85\n")
        let problems = descriptions(fixture)
        let overlap = try fixture.line(of: "from: 45", in: bands)
        let gap = try fixture.line(of: "from: 85", in: bands)
        #expect(problems.contains("\(bands):\(overlap): this band overlaps the one before (which ends at 49) — start it at from: 50"), "\(problems)")
        #expect(problems.contains("\(bands):\(gap): there is a gap: no band covers 80 to 84 points — start it at from: 80"))
    }

    @Test func costsMustBePresentAndNotNegative() throws {
        let fixture = try FormFixture()
        try fixture.edit(card, replacing: "      option-3: 52.00\n", with: "")
        try fixture.edit(card, replacing: "      option-1: 95.00", with: "      option-1: -95.00")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix(card) && $0.contains("'day-opportunity' is offered under option-3 but has no cost for it") })
        let negative = try fixture.line(of: "option-1: -95.00", in: card)
        #expect(problems.contains { $0.hasPrefix("\(card):\(negative): the cost of short-break-night under option-1 is negative") })
    }

    @Test func pointsRulesMustNameTheFormsQuestions() throws {
        let fixture = try FormFixture()
        try fixture.edit(bands, replacing: "  - question: unpaid-carer\n", with: "  - question: unpaid-carers\n")
        try fixture.edit(bands, replacing: "when: decision-question = yes", with: "when: decision-question == yes")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.contains("the points rule names 'unpaid-carers', which is not a question of adult-good-conversation — did you mean 'unpaid-carer'?") })
        #expect(problems.contains { $0.contains("when has a syntax error at column 20") })
    }

    @Test func theRulesSayWhatThePersonReads() throws {
        let fixture = try FormFixture()
        try fixture.edit(card, replacing: "    name: Day opportunity\n", with: "")
        try fixture.edit(card, replacing: "challenge:\n  en-GB: >-", with: "appeal:\n  en-GB: >-")
        try fixture.edit(bands, replacing: "limits:", with: "contribution:\n  percent: 5\nlimits:")
        let problems = descriptions(fixture)
        let day = try fixture.line(of: "- id: day-opportunity", in: card)
        #expect(problems.contains("\(card):\(day): the support type 'day-opportunity' has no name to show the person — add name: such as Personal assistant"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(card):") && $0.contains("'appeal' is not a key costing rules can have") })
        #expect(problems.contains { $0.hasPrefix("\(card):") && $0.contains("the rules do not say how to challenge or appeal a decision") })
        #expect(problems.contains { $0.hasPrefix(bands) && $0.contains("a contribution needs a rate card, to tell personal care (which is free) from other support") })
    }

    /// `contact:` gives a number a person can dial and a number of days, or it is refused at its line:
    /// nothing else reaches the person's copy through it.
    @Test func theCouncilsContactIsADialableNumberAndDays() throws {
        let fixture = try FormFixture()
        try fixture.edit(card, replacing: "  phone: 0300 123 4567\n", with: "  phone: call 0300 123 4567\n  email: a@b\n")
        try fixture.edit(card, replacing: "  challenge-days: 28\n", with: "  challenge-days: 0\n")
        try fixture.edit(bands, replacing: "contact:\n  phone: 0300 123 4567\n  challenge-days: 28\n", with: "contact: 0300 123 4567\n")
        let problems = descriptions(fixture)
        let phone = try fixture.line(of: "phone: call 0300", in: card)
        #expect(problems.contains("\(card):\(phone): 'call 0300 123 4567' is not a phone number — write digits and spaces only, such as 0300 123 4567"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(card):\(phone + 1):") && $0.contains("'email' is not a key contact can have") })
        #expect(problems.contains { $0.hasPrefix("\(card):\(phone + 2):") && $0.contains("challenge-days must be from 1 to 366, not 0") })
        #expect(problems.contains { $0.hasPrefix(bands) && $0.contains("contact must be a mapping") })
        for number in ["0300 123 4567", "+44 (0)300 123-4567", "999"] { #expect(CouncilContact.isPhoneNumber(number), "\(number)") }
        for number in ["", "12", "0300\u{202E}123", "0300 123 4567 ext", "+", "44+1", " 0300", "0300 ", "(0300) 123", "1234567890123456"] {
            #expect(!CouncilContact.isPhoneNumber(number), "\(number)")
        }
    }

    @Test func theFormsCostingBlockNamesQuestionsOfTheRightKind() throws {
        let fixture = try FormFixture()
        let form = "forms/adult-good-conversation.yaml"
        try fixture.edit(form, replacing: "  plan: support-plan\n", with: "  plan: support-plans\n")
        try fixture.edit(form, replacing: "  decision: decision\n", with: "  decision: reasons\n")
        let problems = descriptions(fixture)
        let plan = try fixture.line(of: "plan: support-plans", in: form)
        let decision = try fixture.line(of: "decision: reasons", in: form)
        #expect(problems.contains("\(form):\(plan): costing plan: names 'support-plans', which is not a question of this form — did you mean 'support-plan'?"), "\(problems)")
        #expect(problems.contains("\(form):\(decision): costing decision: 'reasons' must be a choice with approved and referred — write choices: [approved, referred]"))
        let other = try FormFixture()
        try other.edit(form, replacing: "choices: [example-rate-card, example-points-and-bands]", with: "choices: [example-rate-card, example-rate-cards]")
        let rules = try other.line(of: "- id: costing-rules", in: form)
        #expect(descriptions(other).contains("\(form):\(rules): the costing rules choice 'example-rate-cards' of 'costing-rules' is not a rules file written for adult-good-conversation — did you mean 'example-rate-card'?"))
    }

    @Test func anOlderVersionMayStayButNotTheSameVersionTwice() throws {
        let fixture = try FormFixture()
        let text = try String(contentsOf: fixture.root.appendingPathComponent(card), encoding: .utf8)
        try fixture.write(text, to: "forms/costing/example-rate-card-copy.yaml")
        let id = try fixture.line(of: "id: example-rate-card", in: card)
        #expect(descriptions(fixture).contains { $0.contains(":\(id): the rules example-rate-card version 2 are also in forms/costing/") },
                "\(descriptions(fixture))")
        // Version 3 beside versions 2 and 1 (as shipped): no problem, and conversations cost with version 3.
        try fixture.write(text.replacingOccurrences(of: "version: 2", with: "version: 3"), to: "forms/costing/example-rate-card-copy.yaml")
        let library = fixture.check()
        #expect(library.problems.isEmpty, "\(library.problems)")
        #expect(library.latestForm(id: "adult-good-conversation")?.costingRules(id: "example-rate-card")?.version == 3)
    }

    @Test func theShippedExamplesGiveTheWorkedFigures() throws {
        let library = FormLibrary.load(from: FormFixture.shipped)
        #expect(library.problems.map(\.description) == [])
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        let rateCard = try #require(library.costingRules.first { $0.rules.id == "example-rate-card" }?.rules)
        let plan = SupportPlan(lines: [.init(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek)])
        let costed = try CostingCalculation(rules: rateCard, session: Session(form: form), plan: plan).result()
        #expect(costed.amounts[.option1] == Money(pence: 912_500), "10 h × £17.50 × 365 ÷ 7")
        #expect(costed.decider[.option1] == .teamLeader)

        let pointsAndBands = try #require(library.costingRules.first { $0.rules.id == "example-points-and-bands" }?.rules)
        var session = Session(form: form)
        for section in ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks"] {
            _ = try session.handle(.jump(section: section), at: Date())
            _ = try? session.handle(.markNothingHere(note: "Talked it through; nothing to add"), at: Date())
        }
        _ = try session.handle(.answer(question: "agreed-outcomes", value: .outcomes([OutcomeEntry(outcome: "Choir", group: .change)])), at: Date())
        _ = try session.handle(.answer(question: "hours-per-week", value: .number(10)), at: Date())
        let banded = try CostingCalculation(rules: pointsAndBands, session: session, plan: SupportPlan(lines: [])).result()
        #expect(banded.totalPoints == 20)
        #expect(banded.indicativeYearly == Money(pence: 400_000), "20 points: the lower edge of the £4,000 band")
    }
}
