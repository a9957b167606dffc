import BletherCore
import Foundation
import Testing

/// Worked examples with figures checked by hand (the arithmetic is in each test's comment).
@Suite struct CostingCalculationTests {
    static let period = CostingPeriod(from: try! CalendarDate(parsing: "2026-04-01"), to: try! CalendarDate(parsing: "2027-03-31"))
    static func pounds(_ text: String) -> Money { try! Money(parsing: text) }

    static let rateCard = CostingRules(
        id: "example-rate-card", version: 1, council: "Example Council", period: period,
        rates: [
            SupportRate(id: "personal-assistant-hour", unit: .hour, costs: [.option1: pounds("17.50"), .option2: pounds("19.00"),
                                                                               .option3: pounds("21.80"), .option4: pounds("19.00")], isPersonalCare: true),
            SupportRate(id: "day-opportunity", unit: .day, costs: [.option2: pounds("45.00"), .option3: pounds("52.00"), .option4: pounds("45.00")]),
            SupportRate(id: "short-break-night", unit: .night, costs: Dictionary(uniqueKeysWithValues: SDSOption.allCases.map { ($0, pounds("95.00")) })),
            SupportRate(id: "community-alarm-install", unit: .item, costs: Dictionary(uniqueKeysWithValues: SDSOption.allCases.map { ($0, pounds("120.00")) })),
        ],
        contribution: ContributionRule(percent: 10),
        limits: [.worker: pounds("8000.00"), .teamLeader: pounds("25000.00"), .serviceManager: pounds("100000.00")])

    let form = Form(id: "f", version: 1, sections: [Section(id: "s", questions: [
        Question(id: "decision-question", kind: .yesNo), Question(id: "unpaid-carer", kind: .yesNo),
        Question(id: "hours-per-week", kind: .wholeNumber(minimum: 0, maximum: 168)),
    ])])

    func result(_ lines: [SupportPlan.Line], rules: CostingRules = rateCard, answers: [(String, AnswerValue)] = []) throws -> CostingCalculation.Result {
        var session = Session(form: form)
        for (question, value) in answers { _ = try session.handle(.answer(question: question, value: value), at: Date()) }
        return try CostingCalculation(rules: rules, session: session, plan: SupportPlan(lines: lines)).result()
    }

    @Test func theYearHas365Days() { #expect(Self.period.days == 365) }

    @Test func personalAssistantHoursUnderEachOption() throws {
        // 10 h × £17.50 = £175.00 a week; × 365 ÷ 7 = £9,125.00 exactly.
        // 10 h × £21.80 = £218.00 a week; × 365 ÷ 7 = £11,367.142… → £11,367.14.
        let result = try result([.init(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek)])
        #expect(result.weekly[.option1] == Self.pounds("175.00"))
        #expect(result.amounts[.option1] == Self.pounds("9125.00"))
        #expect(result.amounts[.option2] == Self.pounds("9907.14"))
        #expect(result.amounts[.option3] == Self.pounds("11367.14"))
        #expect(result.contributions[.option3] == Money(pence: 0), "personal care is free")
        #expect(result.decider[.option1] == .teamLeader, "above the worker's £8,000 limit: referred")
    }

    @Test func option4MixesTwoOptionsAndOption1IsNotOffered() throws {
        // Option 4: 10 h as Option 1 (£175.00) + 2 days as Option 3 (£104.00) = £279.00 a week;
        // × 365 ÷ 7 = £14,547.857… → £14,547.86. Chargeable: £104.00 × 365 ÷ 7 = £5,422.857… → £5,422.86; 10% → £542.28 (rounded down).
        let result = try result([
            .init(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, underOption4: .option1),
            .init(support: "day-opportunity", quantity: 2, frequency: .perWeek, underOption4: .option3),
        ])
        #expect(result.amounts[.option4] == Self.pounds("14547.86"))
        #expect(result.contributions[.option4] == Self.pounds("542.28"))
        #expect(result.amounts[.option1] == nil, "day opportunities are not offered as a direct payment here")
    }

    @Test func aOneOffPurchaseIsAddedOnceAndIsChargeable() throws {
        // 3 h × £21.80 = £65.40 a week; × 365 ÷ 7 = £3,410.142… → £3,410.14; + £120.00 once = £3,530.14.
        // Only the alarm is chargeable: 10% of £120.00 = £12.00. Within the worker's limit.
        let result = try result([
            .init(support: "personal-assistant-hour", quantity: 3, frequency: .perWeek),
            .init(support: "community-alarm-install", quantity: 1, frequency: .once),
        ])
        #expect(result.amounts[.option3] == Self.pounds("3530.14"))
        #expect(result.contributions[.option3] == Self.pounds("12.00"))
        #expect(result.decider[.option3] == .worker)
    }

    @Test func aContributionOnChargeableSupportIsRoundedDown() throws {
        // 1 night × £95.00 a week; × 365 ÷ 7 = £4,953.571… → £4,953.57; 10% of £4,953.57 (495357 p) = 49535.7 p → £495.35.
        let result = try result([.init(support: "short-break-night", quantity: 1, frequency: .perWeek)])
        #expect(result.amounts[.option2] == Self.pounds("4953.57"))
        #expect(result.contributions[.option2] == Self.pounds("495.35"))
    }

    @Test func aLargePackageGoesToAServiceManager() throws {
        // 30 h × £21.80 = £654.00 a week; × 365 ÷ 7 = £34,101.428… → £34,101.43: above the team leader's £25,000.
        let result = try result([.init(support: "personal-assistant-hour", quantity: 30, frequency: .perWeek)])
        #expect(result.amounts[.option3] == Self.pounds("34101.43"))
        #expect(result.decider[.option3] == .serviceManager)
    }

    @Test func aLineWithoutAQuantityOrAnUnknownSupportIsNeverASilentZero() {
        #expect(throws: CostingCalculation.Problem.missingQuantity(support: "personal-assistant-hour")) {
            try result([.init(support: "personal-assistant-hour", quantity: 0, frequency: .perWeek)])
        }
        #expect(throws: CostingCalculation.Problem.unknownSupport("gardening")) {
            try result([.init(support: "gardening", quantity: 2, frequency: .perWeek)])
        }
    }

    // MARK: Points and bands

    static let pointsAndBands = CostingRules(
        id: "example-points-and-bands", version: 1, council: "Example Council", period: period,
        points: [
            PointsRule(question: "decision-question", when: try! Condition(parsing: "decision-question = yes"), points: 10),
            PointsRule(question: "unpaid-carer", when: try! Condition(parsing: "unpaid-carer = no"), points: 15),
            PointsRule(question: "hours-per-week", points: 2, perUnit: true),
        ],
        bands: [Band(from: 0, to: 19, yearly: Money(pence: 0)), Band(from: 20, to: 49, yearly: pounds("4000.00")),
                Band(from: 50, to: 79, yearly: pounds("9500.00")), Band(from: 80, to: nil, yearly: pounds("16000.00"))],
        limits: [.worker: pounds("8000.00"), .teamLeader: pounds("25000.00"), .serviceManager: pounds("100000.00")])

    @Test func aBandAboveTheWorkersLimitIsReferredUnderEveryOption() throws {
        // 10 + 15 + 13 × 2 = 51 points: the £9,500.00 band, over the 365-day year £9,500.00 under every option,
        // above the worker's £8,000.00, so a team leader decides; 49 points (£4,000.00) the worker decides.
        let referred = try result([], rules: Self.pointsAndBands, answers: [
            ("decision-question", .yesNo(true)), ("unpaid-carer", .yesNo(false)), ("hours-per-week", .number(13)),
        ])
        for option in SDSOption.allCases {
            #expect(referred.amounts[option] == Self.pounds("9500.00"))
            #expect(referred.decider[option] == .teamLeader)
        }
        let within = try result([], rules: Self.pointsAndBands, answers: [
            ("decision-question", .yesNo(true)), ("unpaid-carer", .yesNo(false)), ("hours-per-week", .number(12)),
        ])
        #expect(within.decider[.option3] == .worker)
    }

    @Test(arguments: [
        (false, true, 0, 0, "0.00"),       // nothing scores
        (false, true, 10, 20, "4000.00"),  // 10 h × 2 = 20: the lower edge of the second band
        (false, true, 9, 18, "0.00"),      // 18: still the first band
        (true, false, 12, 49, "4000.00"),  // 10 + 15 + 24 = 49: the upper edge of the second band
        (true, false, 13, 51, "9500.00"),  // 10 + 15 + 26 = 51
        (false, true, 40, 80, "16000.00"), // 80: the open top band
    ])
    func bandsByTotalPoints(decision: Bool, carer: Bool, hours: Int, points: Int, yearly: String) throws {
        let result = try result([], rules: Self.pointsAndBands, answers: [
            ("decision-question", .yesNo(decision)), ("unpaid-carer", .yesNo(carer)), ("hours-per-week", .number(hours)),
        ])
        #expect(result.totalPoints == points)
        #expect(result.indicativeYearly == Self.pounds(yearly))
    }

    @Test func aTotalAboveAClosedTopBandIsSaidSo() {
        let closed = CostingRules(id: "x", version: 1, council: "X", period: Self.period,
                                  points: [PointsRule(question: "hours-per-week", points: 2, perUnit: true)],
                                  bands: [Band(from: 0, to: 19, yearly: Money(pence: 0))])
        #expect(throws: CostingCalculation.Problem.aboveEveryBand(points: 40)) {
            try result([], rules: closed, answers: [("hours-per-week", .number(20))])
        }
    }

    @Test func bandsAloneGiveTheYearlyAmountOverAYearOfEitherLength() throws {
        // 2027-04-01 to 2028-03-31 spans 29 February 2028: 366 days, still exactly a year.
        let leap = CostingPeriod(from: try CalendarDate(parsing: "2027-04-01"), to: try CalendarDate(parsing: "2028-03-31"))
        #expect(leap.days == 366 && leap.yearLength == 366)
        let half = CostingPeriod(from: try CalendarDate(parsing: "2026-04-01"), to: try CalendarDate(parsing: "2026-09-30"))
        for (period, expected) in [(leap, "4000.00"), (Self.period, "4000.00"), (half, "2005.48")] {
            // Half a year: £4,000.00 × 183 ÷ 365 = £2,005.479… → £2,005.48.
            let rules = CostingRules(id: "b", version: 1, council: "X", period: period,
                                     points: [PointsRule(question: "hours-per-week", points: 2, perUnit: true)],
                                     bands: [Band(from: 0, to: nil, yearly: Self.pounds("4000.00"))])
            let result = try result([], rules: rules, answers: [("hours-per-week", .number(10))])
            #expect(result.amounts[.option2] == Self.pounds(expected), "\(period.days) days")
        }
    }

    @Test func aQuantityTooLargeToBeRealIsRefusedNotOverflowed() {
        #expect(throws: CostingCalculation.Problem.tooLarge(support: "short-break-night")) {
            try result([.init(support: "short-break-night", quantity: 99_999_999_999_999, frequency: .perWeek)])
        }
        #expect(throws: CostingCalculation.Problem.tooLarge(support: "short-break-night")) {
            try result([.init(support: "short-break-night", quantity: 10_001, frequency: .once)])
        }
    }

    @Test func aboveEveryLimitNobodyHereDecides() throws {
        // 100 h × £21.80 = £2,180.00 a week; × 365 ÷ 7 = £113,671.43: above the service manager's £100,000.
        let result = try result([.init(support: "personal-assistant-hour", quantity: 100, frequency: .perWeek)])
        #expect(result.amounts[.option3] == Self.pounds("113671.43"))
        #expect(result.decider[.option3] == nil)
    }
}
