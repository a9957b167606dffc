/// The costing explained step by step in plain words, as the person is shown it and as it is
/// kept in the signed record: which rules and version, how each amount was reached, the
/// contribution and why, what the budget may and may not be spent on, who decides, and that
/// the amount is not yet a decision. The option is chosen afterwards, so it is not part of
/// this text (see ``ConversationWording/choiceLines(option:deemed:amount:)``).
///
/// ```swift
/// let text = try CostingExplanation(costing: costing, words: words).text
/// ```
package struct CostingExplanation: Sendable {
    package let costing: ConversationCosting
    package let words: ConversationWording
    package let result: CostingCalculation.Result

    /// - Throws: why the amounts cannot be worked out, in the terms of ``CostingCalculation/Problem``.
    package init(costing: ConversationCosting, words: ConversationWording) throws(CostingCalculation.Problem) {
        self.costing = costing
        self.words = words
        result = try costing.result()
    }

    private var catalog: Catalog { words.catalog }
    private var rules: CostingRules { costing.rules }

    /// The explanation as it is read: exactly the document's plain text (see ``DocumentPlainText``).
    package var text: String { document.text }

    /// The explanation as a document: the rules, the points, the plan, each option worked out
    /// step by step with who decides, what the budget may be spent on, and that it is not a decision.
    package var document: Document {
        var sections = [DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.costingTitle)))]
        sections.append(DocumentSection(blocks: [.paragraph(catalog.document(.costingRules, [
            "council": rules.council, "rules": rules.id, "version": String(rules.version),
            "from": rules.period.from.iso, "to": rules.period.to.iso, "days": String(rules.period.days)]))]))
        if let points = pointsSection() { sections.append(points) }
        sections.append(planSection())
        sections += optionSections()
        let language = catalog.language
        var closing: [DocumentBlock] = [.paragraph(catalog.document(.costingFreePersonalCare))]
        if !rules.maySpendOn.isEmpty { closing.append(.paragraph(catalog.document(.costingMaySpend, ["text": rules.maySpendOn.text(language: language)]))) }
        if !rules.mayNotSpendOn.isEmpty { closing.append(.paragraph(catalog.document(.costingMayNotSpend, ["text": rules.mayNotSpendOn.text(language: language)]))) }
        sections.append(DocumentSection(blocks: closing))
        sections.append(DocumentSection(blocks: [.paragraph(catalog.document(.costingNotADecision))]))
        return Document(sections: sections)
    }

    private func step(_ text: String) -> DocumentItem { DocumentItem(DocumentText(text)) }

    private func pointsSection() -> DocumentSection? {
        guard !rules.bands.isEmpty else { return nil }
        var steps = result.pointsSteps.map { step(catalog.text(.costingPointsLine, count: $0.points, ["question": words.label($0.question)])) }
        if result.pointsSteps.isEmpty { steps.append(step(catalog.text(.costingPointsNone))) }
        var blocks: [DocumentBlock] = [.list(DocumentList(items: steps))]
        if let band = rules.bands.first(where: { $0.contains(result.totalPoints) }), let yearly = result.indicativeYearly {
            let arguments = ["from": String(band.from), "to": band.to.map(String.init) ?? "", "yearly": yearly.formatted]
            blocks.append(.paragraph(DocumentText(catalog.text(band.to == nil ? .costingPointsTotalTop : .costingPointsTotal, count: result.totalPoints, arguments))))
        }
        if rules.rates.isEmpty, let amount = result.amounts[.option3] {
            blocks.append(.paragraph(catalog.document(.costingBandsOnly, ["amount": amount.formatted, "days": String(rules.period.days)])))
        }
        return DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.costingPointsTitle)), blocks: blocks)
    }

    private func planSection() -> DocumentSection {
        let list = costing.plan.lines.isEmpty ? DocumentList(items: [step(catalog.text(.costingPlanEmpty))])
            : DocumentList(items: costing.plan.lines.map { DocumentItem(words.planLineText($0)) }, numbered: true)
        return DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.costingPlanTitle)), blocks: [.list(list)])
    }

    private func optionName(_ option: SDSOption) -> String { words.optionName(option) }

    /// For each option: every line's cost, the week, the period, one-offs, the contribution, and who decides.
    private func optionSections() -> [DocumentSection] {
        guard !rules.rates.isEmpty, !costing.plan.lines.isEmpty else {
            // Bands only: one amount for every option, and who decides it, under no heading.
            return rules.rates.isEmpty ? [DocumentSection(blocks: decidingLines(for: .option3).map { .paragraph(DocumentText($0)) })] : []
        }
        var sections: [DocumentSection] = []
        for option in SDSOption.allCases {
            let heading = DocumentHeading(level: 2, text: catalog.document(.costingOptionHeading, ["number": String(option.number), "name": optionName(option)]))
            var steps: [String] = []
            defer { sections.append(DocumentSection(heading: heading, blocks: [.list(DocumentList(items: steps.map(step)))])) }
            guard let amount = result.amounts[option], let weekly = result.weekly[option] else {
                let missing = costing.plan.lines.first { rules.rate(id: $0.support)?.costs[$0.costedAs(option)] == nil }
                let support = missing.map { words.supportName($0.support) } ?? ""
                if option == .option4, let part = missing?.underOption4 {
                    // The line is to be arranged as another option, which is the one that does not offer it.
                    steps.append(catalog.text(.costingNotAvailablePart, ["support": support, "number": String(part.number)]))
                } else {
                    steps.append(catalog.text(.costingNotAvailable, ["number": String(option.number), "support": support]))
                }
                continue
            }
            var onceOff = 0
            for line in costing.plan.lines {
                guard let unit = rules.rate(id: line.support)?.costs[line.costedAs(option)] else { continue }
                let cost = Money(pence: unit.pence * line.quantity)
                var arguments = ["support": words.supportName(line.support), "quantity": words.quantity(line.quantity, of: line.support),
                                 "unit": unit.formatted, "cost": cost.formatted]
                if option == .option4, let under = line.underOption4 { arguments["support"]! += " " + catalog.text(.planUnderOption4, ["number": String(under.number)]) }
                steps.append(catalog.text(line.frequency == .perWeek ? .costingLineWeekly : .costingLineOnce, arguments))
                if line.frequency == .once { onceOff += cost.pence }
            }
            if weekly.pence > 0 {
                steps.append(catalog.text(.costingOverPeriod, ["weekly": weekly.formatted, "days": String(rules.period.days),
                                                              "amount": Money(pence: amount.pence - onceOff).formatted]))
            }
            if onceOff > 0 { steps.append(catalog.text(.costingOneOffs, ["amount": Money(pence: onceOff).formatted])) }
            steps.append(catalog.text(.costingAmount, ["number": String(option.number), "amount": amount.formatted]))
            // Nothing chargeable (all personal care) asks nothing: no "10% of £0.00".
            if rules.contribution.percent > 0, let chargeable = result.chargeable[option], chargeable.pence > 0,
               let contribution = result.contributions[option] {
                steps.append(catalog.text(.costingContribution, ["percent": String(rules.contribution.percent), "chargeable": chargeable.formatted,
                                                                "amount": contribution.formatted]))
            } else {
                steps.append(catalog.text(.costingNoContribution))
            }
            steps += decidingLines(for: option)
        }
        return sections
    }

    private func decidingLines(for option: SDSOption) -> [String] {
        guard let role = result.decider[option] else {
            // Costed, but above every delegated limit in the rules.
            guard result.amounts[option] != nil else { return [] }
            return [catalog.text(.costingDecidesAboveAll, ["limit": rules.limits.values.max()?.formatted ?? "—"])]
        }
        switch role {
        case .worker:
            return [catalog.text(.costingDecidesWorker, ["limit": rules.limits[.worker]?.formatted ?? "—"])]
        case .teamLeader:
            return [catalog.text(.costingDecidesTeamLeader, ["limit": rules.limits[.worker]?.formatted ?? "—"])]
        case .serviceManager:
            return [catalog.text(.costingDecidesServiceManager, ["limit": rules.limits[.teamLeader]?.formatted ?? "—"])]
        }
    }
}

extension ConversationWording {
    /// A short, neutral description of an SDS option.
    package func optionName(_ option: SDSOption) -> String {
        switch option {
        case .option1: catalog.text(.costingOption1)
        case .option2: catalog.text(.costingOption2)
        case .option3: catalog.text(.costingOption3)
        case .option4: catalog.text(.costingOption4)
        }
    }

    /// The option chosen, or deemed Option 3 when the person made no choice, and its relevant
    /// amount as the catalog's language writes it: lines of the person's copy, after the costing as signed.
    package func choiceLines(option: SDSOption, deemed: Bool, amount: Money?) -> [String] {
        var lines = [deemed ? catalog.text(.costingDeemed) : catalog.text(.costingChosen, ["number": String(option.number), "name": optionName(option)])]
        if let amount { lines.append(catalog.text(.costingChosenAmount, ["amount": catalog.money(amount)])) }
        return lines
    }

    /// Why the costing cannot be worked out, in words the worker can act on.
    package func costingProblem(_ problem: CostingCalculation.Problem) -> String {
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
