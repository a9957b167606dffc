import BletherCore
import BletherForms
import Foundation
import Testing

@Suite struct ShippedFormsTests {
    let library = FormLibrary.load(from: FormFixture.shipped)

    @Test func shippedFormsAndCatalogsAreClean() {
        #expect(library.problems.map(\.description) == [])
        #expect(Set(library.catalogs.keys) == ["en-GB", "gd", "pl", "zh-Hans", "ur"])
        #expect(library.catalogs["ur"]?.catalog.rightToLeft == true)
    }

    @Test func adultFormHasTheFifteenStepsInOrder() throws {
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        #expect(form.sections.map(\.id) == [
            "about", "what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks",
            "outcomes", "costing", "arranging-support", "decision", "review-plan", "agreement", "signing",
        ])
    }

    @Test func costingOptionAndDecisionWaitForStepsTwoToNine() throws {
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        let assetSections: Set = ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks", "outcomes"]
        for id in ["costing", "arranging-support", "decision"] {
            let section = try #require(form.section(id: id))
            #expect(assetSections.isSubset(of: Set(section.gate)), "\(id) must wait for steps 2–9")
        }
        let session = Session(form: form)
        #expect(session.state(of: form.section(id: "costing")!) == .locked(needing: form.sections[1...8].map(\.id)))
    }

    @Test func gaelicIsMarkedAsADraftAndSaysSo() throws {
        let gaelic = try #require(library.catalogs["gd"])
        #expect(gaelic.catalog.reviewed == false)
        let report = FormsCheck(library: library).lines
        #expect(report.contains { $0.hasPrefix("language gd (Gàidhlig): DRAFT — not yet reviewed by a fluent speaker") })
        #expect(report.contains { $0.hasPrefix("language en-GB (English (UK)): reviewed by a fluent speaker") })
    }

    @Test func everyInterfaceTextExistsInEveryLanguage() throws {
        for (language, loaded) in library.catalogs {
            let missing = UIText.allCases.map(\.key).filter { !loaded.catalog.has($0) }
            #expect(missing == [], "\(language) lacks these interface texts")
        }
    }

    @Test func outcomesReviewAsksWhetherOutcomesWereMet() throws {
        let form = try #require(library.latestForm(id: "outcomes-review"))
        #expect(form.question(id: "overall")?.kind.choiceIDs == ["met", "partly-met", "not-met"])
        #expect(form.section(id: "agreement")?.allowsNothingHere == false)
    }

    @Test func picksALanguageFromTheLocale() {
        #expect(library.bestLanguage(for: "gd_GB.UTF-8") == "gd")
        #expect(library.bestLanguage(for: "en_GB.UTF-8") == "en-GB")
        #expect(library.bestLanguage(for: "C.UTF-8") == "en-GB")
        #expect(library.bestLanguage(for: nil) == "en-GB")
    }
}

/// Within the worker's delegated limit the worker may record the budget as approved; above
/// it "approved" is refused and the budget must be referred.
@Suite struct WorkerLimitTests {
    let form = FormLibrary.load(from: FormFixture.shipped).latestForm(id: "adult-good-conversation")!
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Steps 2–11 done, with `hours` a week of a personal assistant under `option`.
    func session(hours: Int, option: String) -> Session {
        let marks = ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks"]
            .reduce(into: [String: SectionMark]()) { $0[$1] = SectionMark(speaker: .worker, at: now) }
        let values: [String: AnswerValue] = [
            "agreed-outcomes": .outcomes([OutcomeEntry(outcome: "Choir", group: .change)]),
            "costing-rules": .choice("example-rate-card", other: nil),
            "support-plan": .supportPlan([SupportPlan.Line(support: "personal-assistant-hour", quantity: hours, frequency: .perWeek)]),
            "budget-explained": .yesNo(true), "independent-support": .yesNo(true), "chosen-option": .choice(option, other: nil),
            "direct-payment-available": .yesNo(true),
        ]
        return Session(form: form, answers: values.mapValues { Answer(value: $0, speaker: .worker, at: now) }, marks: marks)
    }

    @Test func approvedWithinTheLimitAndReferredAboveIt() throws {
        // 8 h × £17.50 = £140.00 a week; × 365 ÷ 7 = £7,300.00: within the worker's £8,000.
        var within = session(hours: 8, option: "option-1")
        _ = try within.handle(.answer(question: "decision", value: .choice("approved", other: nil)), at: now)
        // 8 h × £21.80 = £174.40 a week; × 365 ÷ 7 = £9,093.71: above it under Option 3.
        var above = session(hours: 8, option: "option-3")
        #expect(throws: SessionRefusal.constraintFailed(question: "decision")) {
            try above.handle(.answer(question: "decision", value: .choice("approved", other: nil)), at: now)
        }
        _ = try above.handle(.answer(question: "decision", value: .choice("referred", other: nil)), at: now)
        // No choice is deemed Option 3, so it is costed, and decided, as Option 3.
        var deemed = session(hours: 8, option: "no-choice")
        #expect(throws: SessionRefusal.constraintFailed(question: "decision")) {
            try deemed.handle(.answer(question: "decision", value: .choice("approved", other: nil)), at: now)
        }
    }

    @Test func aLaterChangeAboveTheLimitReopensTheDecision() throws {
        var session = session(hours: 8, option: "option-1")
        _ = try session.handle(.answer(question: "decision", value: .choice("approved", other: nil)), at: now)
        _ = try session.handle(.answer(question: "chosen-option", value: .choice("option-3", other: nil)), at: now)
        let decision = try #require(form.section(id: "decision"))
        #expect(session.state(of: decision) == .inProgress(missingRequired: ["decision", "reasons", "told-how-to-challenge"]))
    }
}

/// The plan and the option must fit the rules chosen: a support type the rate card does not
/// list, or an option the plan cannot be costed under, keeps the section open and says so.
@Suite struct CostingFitTests {
    let limits = WorkerLimitTests()

    @Test func switchingRulesUnderAPlanReopensTheCosting() throws {
        let session = limits.session(hours: 8, option: "option-1")
        let costing = try #require(limits.form.section(id: "costing"))
        #expect(session.state(of: costing) == .answered)
        // The plan was written from the rate card; the rules are switched to a file without one, and back to another card.
        let custom = CostingRules(id: "other-card", version: 1, council: "Other Council", period: limits.form.costingRules[0].period,
                                  rates: [SupportRate(id: "gardening", unit: .hour, costs: [.option1: Money(pence: 10_00)])])
        var form = limits.form
        form.costingRules.append(custom)
        var answers = session.answers
        answers["costing-rules"] = Answer(value: .choice("other-card", other: nil), speaker: .worker, at: limits.now)
        let switched = Session(form: form, answers: answers, marks: session.marks)
        #expect(switched.breaksConstraint(try #require(form.question(id: "support-plan"))))
        #expect(switched.state(of: costing) == .inProgress(missingRequired: ["support-plan"]))
    }

    @Test func aSupportNotOnTheRateCardOrAnOptionThatCannotBeCostedIsRefused() throws {
        var session = limits.session(hours: 8, option: "option-2")
        #expect(throws: SessionRefusal.constraintFailed(question: "support-plan")) {
            try session.handle(.answer(question: "support-plan", value: .supportPlan([SupportPlan.Line(support: "gardening", quantity: 2, frequency: .perWeek)])), at: limits.now)
        }
        // Provider hours are not offered as a direct payment: Option 1 cannot be costed with them.
        _ = try session.handle(.answer(question: "support-plan", value: .supportPlan([SupportPlan.Line(support: "provider-hour", quantity: 2, frequency: .perWeek)])), at: limits.now)
        #expect(throws: SessionRefusal.constraintFailed(question: "chosen-option")) {
            try session.handle(.answer(question: "chosen-option", value: .choice("option-1", other: nil)), at: limits.now)
        }
        #expect(throws: SessionRefusal.invalidAnswer(question: "support-plan", problem: .wrongKind)) {
            try session.handle(.answer(question: "support-plan", value: .supportPlan([SupportPlan.Line(support: "provider-hour", quantity: 10_001, frequency: .perWeek)])), at: limits.now)
        }
    }

    @Test func rulesWithOnlyPointsAndBandsTakeAPlanInWords() throws {
        var session = limits.session(hours: 8, option: "option-1")
        _ = try session.handle(.answer(question: "costing-rules", value: .choice("example-points-and-bands", other: nil)), at: limits.now)
        _ = try session.handle(.answer(question: "support-plan", value: .supportPlan([SupportPlan.Line(support: "A driver on choir nights", quantity: 1, frequency: .perWeek)])), at: limits.now)
        let costing = try #require(ConversationCosting(session: session))
        // Hours 0 (not answered) and the decision question unanswered: 0 points, the £0.00 band.
        #expect(try costing.result().amounts[.option1] == Money(pence: 0))
    }
}
