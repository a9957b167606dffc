/// The indicative budget worked out from rules, answers and a support plan, in pence, with
/// every step kept so it can be explained. Pure: no I/O.
///
/// Rounding: costs are whole pence per unit; a week's cost is exact; the amount for the
/// period is the weekly cost × days ÷ 7, rounded half up to the penny, plus one-off costs;
/// a contribution is rounded down to the penny, so the person is never charged a part-penny.
///
/// ```swift
/// let result = try CostingCalculation(rules: rules, session: session, plan: plan).result()
/// result.amounts[.option2]   // the relevant amount for Option 2 over the period
/// ```
package struct CostingCalculation: Sendable {
    package let rules: CostingRules
    package let session: Session
    package let plan: SupportPlan

    package init(rules: CostingRules, session: Session, plan: SupportPlan) {
        self.rules = rules
        self.session = session
        self.plan = plan
    }

    /// Why an amount cannot be worked out; never a silent zero.
    package enum Problem: Error, Equatable, Sendable {
        case unknownSupport(String)
        case notOfferedUnder(support: String, option: SDSOption)
        case missingQuantity(support: String)
        case noBandFor(points: Int)
        case aboveEveryBand(points: Int)
        /// More than ``SupportPlan/Line/maximumQuantity`` of one support, or sums too large to be real.
        case tooLarge(support: String)
    }

    /// One step of the points allocation, for the explanation.
    package struct PointsStep: Sendable, Equatable {
        package let question: String
        package let points: Int
    }

    package struct Result: Sendable, Equatable {
        package let pointsSteps: [PointsStep]
        package let totalPoints: Int
        /// The band's yearly amount, when the rules have bands.
        package let indicativeYearly: Money?
        /// Weekly cost of the plan under each option it can be arranged under.
        package let weekly: [SDSOption: Money]
        /// The relevant amount for each option over the whole period (weekly part and one-offs).
        package let amounts: [SDSOption: Money]
        /// The person's contribution over the period, per option.
        package let contributions: [SDSOption: Money]
        /// The part of each option's amount that is not personal care, which the contribution is taken from.
        package let chargeable: [SDSOption: Money]
        /// Who may decide, per option: the first role whose limit covers the amount; none when
        /// the amount is above every limit in the rules.
        package let decider: [SDSOption: DecisionRole]
    }

    package func result() throws(Problem) -> Result {
        let (steps, total) = points()
        var indicative: Money?
        if !rules.bands.isEmpty {
            guard let band = rules.bands.first(where: { $0.contains(total) }) else {
                if let top = rules.bands.compactMap(\.to).max(), total > top { throw .aboveEveryBand(points: total) }
                throw .noBandFor(points: total)
            }
            indicative = band.yearly
        }
        var weekly: [SDSOption: Money] = [:]
        var amounts: [SDSOption: Money] = [:]
        var contributions: [SDSOption: Money] = [:]
        var chargeableAmounts: [SDSOption: Money] = [:]
        var decider: [SDSOption: DecisionRole] = [:]
        if rules.rates.isEmpty, let indicative {
            // Points and bands alone: the band's yearly amount, over the period, is the relevant amount under every option.
            // Over a period of exactly a year (365 or 366 days) this is the yearly amount.
            let year = rules.period.yearLength
            let period = (indicative.pence * rules.period.days * 2 + year) / (2 * year)
            for option in SDSOption.allCases {
                amounts[option] = Money(pence: period)
                chargeableAmounts[option] = Money(pence: 0)
                contributions[option] = Money(pence: 0)
                decider[option] = decidingRole(for: period)
            }
        }
        for option in SDSOption.allCases where !plan.lines.isEmpty && plan.lines.allSatisfy({ rules.rate(id: $0.support)?.costs[$0.costedAs(option)] != nil }) {
            var weeklyPence = 0, onceOffPence = 0, chargeableWeekly = 0, chargeableOnce = 0
            for line in plan.lines {
                guard let rate = rules.rate(id: line.support) else { throw .unknownSupport(line.support) }
                guard line.quantity > 0 else { throw .missingQuantity(support: line.support) }
                guard line.quantity <= SupportPlan.Line.maximumQuantity else { throw .tooLarge(support: line.support) }
                guard let unitCost = rate.costs[line.costedAs(option)] else { throw .notOfferedUnder(support: line.support, option: option) }
                let cost = try CostingCalculation.product(unitCost.pence, line.quantity, support: line.support)
                switch line.frequency {
                case .perWeek:
                    weeklyPence += cost
                    if !rate.isPersonalCare { chargeableWeekly += cost }
                case .once:
                    onceOffPence += cost
                    if !rate.isPersonalCare { chargeableOnce += cost }
                }
            }
            // A year of every support at the dearest rate stays far inside 64 bits; anything near the edge is refused.
            guard weeklyPence < 1 << 40, onceOffPence < 1 << 50 else { throw .tooLarge(support: plan.lines[0].support) }
            let period = CostingCalculation.overPeriod(weeklyPence, days: rules.period.days) + onceOffPence
            let chargeable = CostingCalculation.overPeriod(chargeableWeekly, days: rules.period.days) + chargeableOnce
            weekly[option] = Money(pence: weeklyPence)
            amounts[option] = Money(pence: period)
            contributions[option] = Money(pence: chargeable * rules.contribution.percent / 100)
            chargeableAmounts[option] = Money(pence: chargeable)
            decider[option] = decidingRole(for: period)
        }
        if !plan.lines.isEmpty && amounts.isEmpty {
            // Say which line stops every option, rather than show nothing.
            for line in plan.lines {
                guard let rate = rules.rate(id: line.support) else { throw .unknownSupport(line.support) }
                if let missing = SDSOption.allCases.first(where: { rate.costs[$0] == nil }) { throw .notOfferedUnder(support: line.support, option: missing) }
            }
        }
        return Result(pointsSteps: steps, totalPoints: total, indicativeYearly: indicative, weekly: weekly, amounts: amounts,
                      contributions: contributions, chargeable: chargeableAmounts, decider: decider)
    }

    /// The first role whose delegated limit covers `pence`; `nil` above every limit.
    func decidingRole(for pence: Int) -> DecisionRole? {
        DecisionRole.allCases.first { role in rules.limits[role].map { pence <= $0.pence } ?? false }
    }

    /// `a × b`, or `tooLarge` when it would not fit.
    static func product(_ a: Int, _ b: Int, support: String) throws(Problem) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow, value < 1 << 50 else { throw .tooLarge(support: support) }
        return value
    }

    /// Weekly pence over `days`, rounded half up.
    static func overPeriod(_ weekly: Int, days: Int) -> Int {
        (weekly * days * 2 + 7) / 14
    }

    func points() -> ([PointsStep], Int) {
        let values = session.answerValues
        var steps: [PointsStep] = []
        for rule in rules.points {
            if let when = rule.when, !ConditionEvaluator(form: session.form, answers: values).holds(when) { continue }
            var points = rule.points
            if rule.perUnit {
                guard case .number(let units)? = values[rule.question] else { continue }
                // A number answer without a maximum could be anything: points are capped far above any band
                // (and far below overflowing a sum of rules), so the total is refused as above every band.
                let (product, overflow) = points.multipliedReportingOverflow(by: units)
                points = overflow ? Int.max / 1024 : product
            } else if rule.when == nil, values[rule.question] == nil {
                continue
            }
            steps.append(PointsStep(question: rule.question, points: points))
        }
        // Capped like each step: no rules file, however many rules it has, can overflow the total.
        return (steps, steps.reduce(0) { total, step in
            let (sum, overflow) = total.addingReportingOverflow(step.points)
            return overflow ? (step.points > 0 ? Int.max / 1024 : -Int.max / 1024) : sum
        })
    }
}
