import BletherCore

extension PersonSummary {
    /// The summary in easy read, as the published guidance asks (Mencap's "Am I making myself
    /// clear?", the UK government's easy-read guidance): one idea a line, each a short sentence
    /// in everyday words with its key words in bold, a picture beside each idea (a place a
    /// council fills from its own symbol set: ``PictureSymbol``), no number that is not needed —
    /// the budget's amount and the days that matter, never the arithmetic. Every sentence is a
    /// catalog text, so each language has its own; what the person said is kept as they said it,
    /// with whose words they were when they were not the person's own.
    ///
    /// ```swift
    /// DocumentWrappedText(summary.easyRead, width: 72).text   // "[picture: money] Your budget is £3,092.14."
    /// // in a Polish copy: "[obrazek: pieniądze] Twój budżet to 3 092,14 £."
    /// ```
    package var easyRead: Document {
        var sections = [
            DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.easyTitle)), blocks: [
                idea(.document, catalog.emphasised(.easyAboutYou, ["person": person], inserted: ["person"])),
                idea(.document, catalog.emphasised(.easyWrittenDown)),
            ]),
        ]
        func part(_ heading: UIText, _ blocks: [DocumentBlock]) {
            guard !blocks.isEmpty else { return }
            sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(heading)), blocks: blocks))
        }
        part(.summaryWhatMatters, said(Questions.whatMatters, after: idea(.heart, catalog.emphasised(.easyMatters))))
        part(.summaryGoodAt, said(Questions.goodAt, after: idea(.star, catalog.emphasised(.easyGoodAt))) + helpers)
        part(.summaryOutcomes, goals)
        part(.summaryBudget, easyBudget)
        part(.summaryDecided, easyDecision)
        part(.summaryReview, easyReview)
        if !easySigned.isEmpty { sections.append(DocumentSection(blocks: easySigned)) }
        return Document(sections: sections)
    }

    /// One idea beside the place for its picture, named in the copy's language.
    private func idea(_ symbol: PictureSymbol, _ text: DocumentText) -> DocumentBlock {
        .pictured(PicturePlace(symbol, catalog: catalog), text)
    }

    /// The answers to `ids`, each on its own line as it was given, whose words they were when not
    /// the person's own; led by `lead` when there is any.
    private func said(_ ids: [String], after lead: DocumentBlock? = nil) -> [DocumentBlock] {
        let lines = ids.compactMap(answered).flatMap { question, answer -> [DocumentBlock] in
            let words = self.words.answerText(answer.value, question: question.id).split(whereSeparator: \.isNewline).joined(separator: " ")
            let line = idea(.said, .inserted(words))
            // Whose words they were has a picture of its own: a council's "you said" is never put beside a carer's words.
            return answer.speaker == .person ? [line] : [line, idea(.saidBy, attribution.line(for: answer.speaker))]
        }
        return lines.isEmpty ? [] : (lead.map { [$0] } ?? []) + lines
    }

    /// Each person who helps, by name.
    private var helpers: [DocumentBlock] {
        Questions.helpers.compactMap(answered).flatMap { _, answer -> [DocumentBlock] in
            guard case .people(let people) = answer.value else { return [] }
            return people.filter { !$0.name.isEmpty }.map { idea(.people, catalog.emphasised(.easyHelper, ["name": $0.name], inserted: ["name"])) }
        }
    }

    /// Each outcome agreed, in the words it was given in, whose words they were when not the
    /// person's own, and in a short sentence of the summary's own what will help with it and
    /// whether it may need support the budget pays for.
    private var goals: [DocumentBlock] {
        Questions.outcomeLists.compactMap(answered).flatMap { _, answer -> [DocumentBlock] in
            guard case .outcomes(let outcomes) = answer.value else { return [] }
            let ideas = outcomes.flatMap { outcome -> [DocumentBlock] in
                let goal = idea(.goal, catalog.emphasised(.easyGoal) + " " + .inserted(outcome.outcome))
                let help: DocumentText? = switch outcomeHelp(outcome) {
                case .budgetMayPay(let supports): catalog.emphasised(.easyGoalFundedHelp, ["supports": supports], inserted: ["supports"])
                case .mayNeedBudget: catalog.emphasised(.easyGoalFunded)
                case .helps(let supports): catalog.emphasised(.easyGoalHelp, ["supports": supports], inserted: ["supports"])
                case .noBudgetNeeded: catalog.emphasised(.easyGoalNotFunded)
                case .unsaid: nil
                }
                return [goal] + (help.map { [idea(.money, $0)] } ?? [])
            }
            return answer.speaker == .person ? ideas : ideas + [idea(.saidBy, attribution.line(for: answer.speaker))]
        }
    }

    /// The budget as it stands: agreed, with what it may be spent on; referred, an amount not
    /// agreed yet and what the person would pay if it is; refused, nothing here — the decided
    /// part says first that it is not agreed, why, and how to ask again.
    private var easyBudget: [DocumentBlock] {
        guard let budget else { return [] }
        let standing = standing
        if standing == .decided(.refused) { return [] }
        let referred = standing == .referred
        var blocks: [DocumentBlock] = []
        if let amount = budget.amount {
            blocks.append(idea(.money, catalog.emphasised(referred ? .easyBudgetReferred : .easyBudget, ["amount": catalog.money(amount)])))
        }
        if let contribution = budget.contribution {
            let pays: UIText = referred ? .easyContributionReferred : .easyContribution
            let paysNothing: UIText = referred ? .easyNoContributionReferred : .easyNoContribution
            blocks.append(idea(.money, contribution.pence > 0 ? catalog.emphasised(pays, ["amount": catalog.money(contribution)]) : catalog.emphasised(paysNothing)))
        }
        if let period = budget.period {
            blocks.append(idea(.calendar, catalog.emphasised(.easyPeriod, ["from": day(period.from), "to": day(period.to)])))
        }
        let option: UIText = switch budget.option {
        case .option1: .easyOption1
        case .option2: .easyOption2
        case .option3: .easyOption3
        case .option4: .easyOption4
        }
        blocks.append(idea(.choose, catalog.emphasised(budget.deemed ? .easyOptionDeemed : option)))
        if budget.option == .option4 && !budget.deemed { blocks += said(Questions.optionMix) }
        if referred { return blocks }
        blocks.append(idea(.spend, catalog.emphasised(.easySpend)))
        blocks.append(idea(.notSpend, catalog.emphasised(.easyNotSpend)))
        blocks.append(idea(.contact, catalog.emphasised(.easyNotSpendAsk)))
        return blocks
    }

    private var easyDecision: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        switch standing {
        case .notCosted: return []
        case .approvedWithinWorkerLimit, .decided(.approved): blocks.append(idea(.agreed, catalog.emphasised(.easyAgreed)))
        case .referred: blocks.append(idea(.waiting, catalog.emphasised(.easyReferred)))
        case .decided(.refused):
            blocks.append(idea(.notAgreed, catalog.emphasised(.easyRefused)))
            if let reasons = signed?.decision?.reasons, !reasons.isEmpty {
                blocks.append(idea(.said, catalog.emphasised(.easyWhy)))
                blocks.append(idea(.said, .inserted(reasons.split(whereSeparator: \.isNewline).joined(separator: " "))))
            }
        }
        blocks.append(idea(.disagree, catalog.emphasised(.easyDisagree)))
        // The way to ask and the time to ask in, from the council's rules; a number only where they give one.
        if let call = councilPhone {
            blocks.append(idea(.contact, catalog.emphasised(.easyChallengeCall, ["council": call.council, "phone": call.phone], inserted: ["council", "phone"])))
        } else {
            blocks.append(idea(.contact, catalog.emphasised(.easyChallengeTell)))
        }
        if let days = rules?.contact.challengeDays { blocks.append(idea(.calendar, catalog.emphasised(.easyChallengeDays, count: days))) }
        blocks.append(idea(.helper, catalog.emphasised(.easyAdvocate)))
        return blocks
    }

    /// Who signed this revision and when, by the names its verified signatures give, and the
    /// revision's fingerprint (as every other copy prints it) for the worker to read out.
    private var easySigned: [DocumentBlock] {
        guard let revisionID else { return [] }
        var blocks = signatures.map { signature in
            idea(.document, catalog.emphasised(.easySignedBy, ["name": signature.name, "role": catalog.roleName(signature.role),
                                                                                 "date": RecordCopy.day(signature.date, catalog)], inserted: ["name"]))
        }
        blocks.append(idea(.document, catalog.emphasised(.easyCheckNumber, ["fingerprint": KeyIdentity.fingerprint(of: revisionID)])))
        return blocks
    }

    private var easyReview: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        if let date = reviewDate { blocks.append(idea(.meeting, catalog.emphasised(.easyMeet, ["date": day(date)]))) }
        let call = councilPhone.map { ["council": $0.council, "phone": $0.phone] }
        if let name = contactName ?? attribution.names[.worker] {
            blocks.append(idea(.contact, call.map { catalog.emphasised(.easyContactCall, $0.merging(["name": name]) { $1 }, inserted: ["name", "council", "phone"]) }
                                    ?? catalog.emphasised(.easyContact, ["name": name], inserted: ["name"])))
        } else {
            blocks.append(idea(.contact, call.map { catalog.emphasised(.easyContactCallWorker, $0, inserted: ["council", "phone"]) } ?? catalog.emphasised(.easyContactWorker)))
        }
        return blocks
    }
}
