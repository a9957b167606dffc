/// The costing explained step by step in plain words, as the person is shown it and as it is
/// kept in the signed record: which rules and version, how each amount was reached, the
/// contribution and why, what the budget may and may not be spent on, who decides, and that
/// the amount is not yet a decision. The option is chosen afterwards, so it is not part of
/// this text (see ``ConversationWording/choiceLines(option:deemed:amount:)``).
///
/// ```swift
/// let text = try CostingExplanation(costing: costing, words: words).text
/// ```
public struct CostingExplanation: Sendable {
    public let costing: ConversationCosting
    public let words: ConversationWording
    public let result: CostingCalculation.Result

    /// - Throws: why the amounts cannot be worked out, in the terms of ``CostingCalculation/Problem``.
    public init(costing: ConversationCosting, words: ConversationWording) throws(CostingCalculation.Problem) {
        self.costing = costing
        self.words = words
        result = try costing.result()
    }

    private var catalog: Catalog { words.catalog }
    private var rules: CostingRules { costing.rules }

    public var text: String {
        var lines = [catalog.text(.costingTitle), ""]
        lines.append(catalog.text(.costingRules, ["council": rules.council, "rules": rules.id, "version": String(rules.version),
                                                  "from": rules.period.from.iso, "to": rules.period.to.iso, "days": String(rules.period.days)]))
        lines.append("")
        lines += pointsLines()
        lines += planLines()
        lines += optionLines()
        lines.append(catalog.text(.costingFreePersonalCare))
        let language = catalog.language
        if !rules.maySpendOn.isEmpty { lines.append(catalog.text(.costingMaySpend, ["text": rules.maySpendOn.text(language: language)])) }
        if !rules.mayNotSpendOn.isEmpty { lines.append(catalog.text(.costingMayNotSpend, ["text": rules.mayNotSpendOn.text(language: language)])) }
        lines.append("")
        lines.append(catalog.text(.costingNotADecision))
        return lines.joined(separator: "\n")
    }

    private func pointsLines() -> [String] {
        guard !rules.bands.isEmpty else { return [] }
        var lines = [catalog.text(.costingPointsTitle)]
        for step in result.pointsSteps {
            lines.append("  " + catalog.text(.costingPointsLine, count: step.points, ["question": words.label(step.question)]))
        }
        if result.pointsSteps.isEmpty { lines.append("  " + catalog.text(.costingPointsNone)) }
        if let band = rules.bands.first(where: { $0.contains(result.totalPoints) }), let yearly = result.indicativeYearly {
            let arguments = ["from": String(band.from), "to": band.to.map(String.init) ?? "", "yearly": yearly.formatted]
            lines.append(catalog.text(band.to == nil ? .costingPointsTotalTop : .costingPointsTotal, count: result.totalPoints, arguments))
        }
        if rules.rates.isEmpty, let amount = result.amounts[.option3] {
            lines.append(catalog.text(.costingBandsOnly, ["amount": amount.formatted, "days": String(rules.period.days)]))
        }
        lines.append("")
        return lines
    }

    private func planLines() -> [String] {
        var lines = [catalog.text(.costingPlanTitle)]
        if costing.plan.lines.isEmpty { lines.append("  " + catalog.text(.costingPlanEmpty)) }
        for (index, line) in costing.plan.lines.enumerated() { lines.append("  \(index + 1). " + words.planLine(line)) }
        lines.append("")
        return lines
    }

    private func optionName(_ option: SDSOption) -> String { words.optionName(option) }

    /// For each option: every line's cost, the week, the period, one-offs, the contribution, and who decides.
    private func optionLines() -> [String] {
        guard !rules.rates.isEmpty, !costing.plan.lines.isEmpty else {
            return rules.rates.isEmpty ? decidingLines(for: .option3, heading: false) + [""] : []
        }
        var lines: [String] = []
        for option in SDSOption.allCases {
            lines.append(catalog.text(.costingOptionHeading, ["number": String(option.number), "name": optionName(option)]))
            guard let amount = result.amounts[option], let weekly = result.weekly[option] else {
                let missing = costing.plan.lines.first { rules.rate(id: $0.support)?.costs[$0.costedAs(option)] == nil }
                let support = missing.map { words.supportName($0.support) } ?? ""
                if option == .option4, let part = missing?.underOption4 {
                    // The line is to be arranged as another option, which is the one that does not offer it.
                    lines.append("  " + catalog.text(.costingNotAvailablePart, ["support": support, "number": String(part.number)]))
                } else {
                    lines.append("  " + catalog.text(.costingNotAvailable, ["number": String(option.number), "support": support]))
                }
                lines.append("")
                continue
            }
            var onceOff = 0
            for line in costing.plan.lines {
                guard let unit = rules.rate(id: line.support)?.costs[line.costedAs(option)] else { continue }
                let cost = Money(pence: unit.pence * line.quantity)
                var arguments = ["support": words.supportName(line.support), "quantity": words.quantity(line.quantity, of: line.support),
                                 "unit": unit.formatted, "cost": cost.formatted]
                if option == .option4, let under = line.underOption4 { arguments["support"]! += " " + catalog.text(.planUnderOption4, ["number": String(under.number)]) }
                lines.append("  " + catalog.text(line.frequency == .perWeek ? .costingLineWeekly : .costingLineOnce, arguments))
                if line.frequency == .once { onceOff += cost.pence }
            }
            if weekly.pence > 0 {
                lines.append("  " + catalog.text(.costingOverPeriod, ["weekly": weekly.formatted, "days": String(rules.period.days),
                                                                      "amount": Money(pence: amount.pence - onceOff).formatted]))
            }
            if onceOff > 0 { lines.append("  " + catalog.text(.costingOneOffs, ["amount": Money(pence: onceOff).formatted])) }
            lines.append("  " + catalog.text(.costingAmount, ["number": String(option.number), "amount": amount.formatted]))
            // Nothing chargeable (all personal care) asks nothing: no "10% of £0.00".
            if rules.contribution.percent > 0, let chargeable = result.chargeable[option], chargeable.pence > 0,
               let contribution = result.contributions[option] {
                lines.append("  " + catalog.text(.costingContribution, ["percent": String(rules.contribution.percent), "chargeable": chargeable.formatted,
                                                                        "amount": contribution.formatted]))
            } else {
                lines.append("  " + catalog.text(.costingNoContribution))
            }
            lines += decidingLines(for: option, heading: true)
            lines.append("")
        }
        return lines
    }

    private func decidingLines(for option: SDSOption, heading: Bool) -> [String] {
        let indent = heading ? "  " : ""
        guard let role = result.decider[option] else {
            // Costed, but above every delegated limit in the rules.
            guard result.amounts[option] != nil else { return [] }
            return [indent + catalog.text(.costingDecidesAboveAll, ["limit": rules.limits.values.max()?.formatted ?? "—"])]
        }
        switch role {
        case .worker:
            return [indent + catalog.text(.costingDecidesWorker, ["limit": rules.limits[.worker]?.formatted ?? "—"])]
        case .teamLeader:
            return [indent + catalog.text(.costingDecidesTeamLeader, ["limit": rules.limits[.worker]?.formatted ?? "—"])]
        case .serviceManager:
            return [indent + catalog.text(.costingDecidesServiceManager, ["limit": rules.limits[.teamLeader]?.formatted ?? "—"])]
        }
    }
}

extension ConversationWording {
    /// A short, neutral description of an SDS option.
    public func optionName(_ option: SDSOption) -> String {
        switch option {
        case .option1: catalog.text(.costingOption1)
        case .option2: catalog.text(.costingOption2)
        case .option3: catalog.text(.costingOption3)
        case .option4: catalog.text(.costingOption4)
        }
    }

    /// The option chosen, or deemed Option 3 when the person made no choice, and its relevant amount.
    public func choiceLines(option: SDSOption, deemed: Bool, amount: Money?) -> [String] {
        var lines = [deemed ? catalog.text(.costingDeemed) : catalog.text(.costingChosen, ["number": String(option.number), "name": optionName(option)])]
        if let amount { lines.append(catalog.text(.costingChosenAmount, ["amount": amount.formatted])) }
        return lines
    }

    /// Why the costing cannot be worked out, in words the worker can act on.
    public func costingProblem(_ problem: CostingCalculation.Problem) -> String {
        switch problem {
        case .unknownSupport(let support): catalog.text(.costingProblemUnknownSupport, ["support": support])
        case .notOfferedUnder(let support, let option):
            catalog.text(.costingNotAvailable, ["number": String(option.number), "support": supportName(support)])
        case .missingQuantity(let support): catalog.text(.costingProblemNoQuantity, ["support": supportName(support)])
        case .noBandFor(let points): catalog.text(.costingProblemNoBand, count: points)
        case .aboveEveryBand(let points): catalog.text(.costingProblemAboveBands, count: points)
        case .tooLarge(let support): catalog.text(.costingProblemTooLarge, ["support": supportName(support)])
        }
    }
}
