import BletherCore

/// The one page that opens every copy of a person's record, written to them in plain words:
/// what matters to you; what you are good at and who helps you; what we agreed to work towards;
/// your budget, what you pay towards it, how it will be arranged and what it may be spent on;
/// what was decided and how to challenge it; when we will check how it is going, and who to
/// contact and how (the council's phone, where its rules give one). Every sentence is the
/// summary's own, said to the person: never the form's or the costing's words for the worker,
/// never "the person", a rules id or a date in digits.
///
/// Each part reads the form's questions by their ids as the shipped forms have them; a question
/// the form does not have, or that was not answered, is left out, and a part with nothing in it
/// is left out whole. Every answer says whose words it was ("You said this.", "Ailsa Grant, your
/// worker, wrote this."), every date is in words, every amount as the copy's language writes it (``Catalog/money(_:)``). The decision and
/// how to challenge it are ``RecordCopy/decisionText(history:catalog:)`` and
/// ``RecordCopy/challengeParagraphs(_:catalog:)``, as in the full record.
///
/// ```swift
/// let summary = PersonSummary(revision: history.last!, earlier: history.dropLast(), words: words)
/// DocumentHTML(summary.document).body
/// DocumentWrappedText(summary.easyRead, width: 72).text
/// ```
package struct PersonSummary: Sendable {
    package let session: Session
    package let words: ConversationWording
    package let person: String
    /// The signed revisions up to the one summarised, oldest first; empty for a conversation not yet signed.
    package let history: [SignedRecordContent]
    /// Whose words each answer was, said to the person, named only from signatures.
    package let attribution: AddressedAttribution
    /// Who signed the revision summarised, as verified (``SignedRevision/signatures``); empty when not signed.
    package var signatures: [SignedRevision.Signature] = []
    /// The revision summarised, whose fingerprint the easy read gives to check the copy by; `nil` when not signed.
    package var revisionID: String?

    /// The questions each part reads, by id, as the shipped forms have them.
    enum Questions {
        static let whatMatters = ["own-words", "good-life", "themes"]
        static let goodAt = ["skills", "does-well", "interests"]
        static let helpers = ["people"]
        /// Lists of outcomes: each outcome is said in its own words, never by the list's fields.
        static let outcomeLists = ["agreed-outcomes", "new-outcomes"]
        /// How far the outcomes were met, by its choice ids.
        static let outcomesOverall = "overall"
        /// What happened with each outcome, in words.
        static let eachOutcome = "each-outcome"
        static let optionMix = ["option-4-mix"]
        static let reasons = ["reasons"]
        static let reviewDate = ["review-date", "next-review"]
        static let howChecked = ["how-checked"]
        static let contact = ["reviewer"]
    }

    /// A summary of a conversation as it stands, or of its latest signed revision (`history`).
    /// - Parameter names: names only a signature on the record gives (see ``signatureNames(_:)``).
    package init(session: Session, words: ConversationWording, person: String, history: [SignedRecordContent] = [], names: [Speaker: String] = [:]) {
        self.session = session
        self.words = words
        self.person = person
        self.history = history
        attribution = AddressedAttribution(catalog: words.catalog, names: names)
    }

    /// The summary of a signed revision, with the revisions before it (oldest first).
    package init(revision: SignedRevision, earlier: [SignedRevision], words: ConversationWording) {
        let all = earlier + [revision]
        self.init(session: revision.content.session, words: words, person: revision.content.person, history: all.map(\.content),
                  names: PersonSummary.signatureNames(all))
        signatures = revision.signatures
        revisionID = revision.content.revisionID
    }

    /// The names a copy may give the worker and an advocate: the worker who signed the latest
    /// assessment revision, and an advocate who countersigned one — from verified signatures only.
    package static func signatureNames(_ history: [SignedRevision]) -> [Speaker: String] {
        var names: [Speaker: String] = [:]
        for revision in history {
            if let signer = revision.signatures.first, signer.role == .worker { names[.worker] = signer.name }
            if let advocate = revision.signatures.dropFirst().last(where: { $0.role == .advocate }) { names[.advocate] = advocate.name }
        }
        return names
    }

    /// ``signatureNames(_:)`` for a record as verified against the keys trusted here (the review's
    /// top line names the same people): the worker and an advocate only by the names this machine
    /// trusts their keys with, and nobody when the record does not verify.
    package static func signatureNames(verified: RevisionVerifier.Result) -> [Speaker: String] {
        guard verified.failure == nil else { return [:] }
        var names: [Speaker: String] = [:]
        for signers in verified.signatures {
            if let worker = signers.first?.trusted, worker.role == .worker { names[.worker] = worker.name }
            if let advocate = signers.dropFirst().last(where: { $0.trusted?.role == .advocate })?.trusted { names[.advocate] = advocate.name }
        }
        return names
    }

    var catalog: Catalog { words.catalog }
    var signed: SignedRecordContent? { history.last }

    // MARK: - What the parts say

    /// An answered question that is shown in this conversation, with its answer.
    func answered(_ id: String) -> (question: Question, answer: Answer)? {
        guard let question = session.form.question(id: id), session.isRelevant(question),
              let answer = session.answers[id], !answer.value.isEmpty else { return nil }
        return (question, answer)
    }

    /// Each answered question of `ids`: its label, the answer as read back, whose words they were.
    func answers(_ ids: [String]) -> [DocumentBlock] {
        let readBack = ReadBackSummary(session: session, words: words, person: person, addressed: attribution)
        return ids.compactMap(answered).map { question, answer in
            .answer(AttributedAnswer(question: DocumentText(words.label(question.id)), body: readBack.body(answer.value, question: question.id),
                                     by: attribution.line(for: answer.speaker)))
        }
    }

    /// The budget as the record gives it: the option chosen (or deemed), its amount and period,
    /// and the council's words on what it may and may not be spent on.
    struct Budget {
        let option: SDSOption
        let deemed: Bool
        let amount: Money?
        /// What the person pays towards it; `nil` when the rules ask for no contribution.
        let contribution: Money?
        let period: (from: CalendarDate, to: CalendarDate)?
    }

    /// The signed budget; for a conversation not yet signed, the one worked out from its answers.
    var budget: Budget? {
        if let signed {
            guard let option = signed.chosenOption else { return nil }
            return Budget(option: option, deemed: signed.isDeemed, amount: signed.chosenAmount, contribution: signed.contribution,
                          period: signed.budgetPeriod)
        }
        guard let costing = ConversationCosting(session: session), let arrangement = costing.arrangement else { return nil }
        let result = try? costing.result()
        return Budget(option: arrangement.option, deemed: arrangement.isDeemed, amount: result?.amounts[arrangement.option],
                      contribution: costing.rules.contribution.percent > 0 ? result?.contributions[arrangement.option] : nil,
                      period: (costing.rules.period.from, costing.rules.period.to))
    }

    /// The council's rules the budget was costed by: for a signed record, only when they are
    /// installed here in the version signed. Their words on spending, the council's name and
    /// phone come from here; never a rules id.
    var rules: CostingRules? {
        if let signed {
            return signed.costedWith.flatMap { costed in session.form.costingRules.first { $0.id == costed.id && $0.version == costed.version } }
        }
        return ConversationCosting(session: session)?.rules
    }

    /// The council's name and phone number, where its rules give both.
    var councilPhone: (council: String, phone: String)? {
        guard let rules, !rules.council.isEmpty, let phone = rules.contact.phone else { return nil }
        return (rules.council, phone)
    }

    /// Whether the copy's language is English, so that the council's English words need no note.
    var readsEnglish: Bool { catalog.language == "en" || catalog.language.hasPrefix("en-") }

    /// The budget part shows the council's words on spending, and at least one of them is in
    /// English only because the council wrote none in the copy's language.
    var spendingInEnglishOnly: Bool {
        guard !readsEnglish, budget != nil, let rules, standing != .referred, standing != .decided(.refused) else { return false }
        return [rules.maySpendOn, rules.mayNotSpendOn].contains { !$0.isEmpty && !$0.speaks(catalog.language) }
    }

    /// The rules installed here are the very file the record was costed with: the same id and
    /// version, and bytes whose SHA-256 is the one signed. Only then are their words in the
    /// copy's language the words the person was given.
    var rulesAreTheSigned: Bool {
        guard let rules, let installed = rules.fileSHA256, let signedHash = signed?.costedWithSHA256 else { return false }
        return installed == signedHash
    }

    /// The council's challenge words in the copy's language, from the very rules signed; `nil`
    /// when the signed text must be shown instead.
    var installedChallenge: String? {
        guard rulesAreTheSigned, let rules, !rules.challenge.isEmpty, signed?.challenge?.isEmpty == false else { return nil }
        return rules.challenge.text(language: catalog.language)
    }

    /// The challenge shown is the council's English, in a copy in another language.
    var challengeInEnglishOnly: Bool {
        guard !readsEnglish, installedChallenge != nil, let rules else { return false }
        return !rules.challenge.speaks(catalog.language)
    }

    /// Where the budget stands: as signed, or as the worker's decision answer says so far.
    var standing: BudgetStanding {
        if let signed { return signed.budgetStanding }
        guard let costing = ConversationCosting(session: session),
              case .choice(let decision?, _)? = session.answerValues[costing.questions.decision] else { return .notCosted }
        return decision == CostingQuestions.referred ? .referred : .approvedWithinWorkerLimit
    }

    /// The day of the next review, the first of the form's review-date questions answered.
    var reviewDate: CalendarDate? {
        for id in Questions.reviewDate {
            if case .date(let day)? = answered(id)?.answer.value { return day }
        }
        return nil
    }

    /// Who the reviewer is, where the record names one.
    var contactName: String? {
        Questions.contact.lazy.compactMap { id -> String? in
            guard case .text(let name)? = self.answered(id)?.answer.value else { return nil }
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }.first
    }

    func day(_ date: CalendarDate) -> String { DateInWords.text(date, language: catalog.language) }

    // MARK: - The page

    /// The summary page: its title and a line to the person, then each part that has something in it.
    package var document: Document {
        var sections = [DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.summaryTitle)),
                                        blocks: [.paragraph(catalog.document(.summaryIntro, ["person": person], inserted: ["person"]))])]
        func part(_ heading: UIText, _ blocks: [DocumentBlock]) {
            guard !blocks.isEmpty else { return }
            sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(heading)), blocks: blocks))
        }
        part(.summaryWhatMatters, answers(Questions.whatMatters))
        part(.summaryGoodAt, answers(Questions.goodAt + Questions.helpers))
        part(.summaryOutcomes, outcomeBlocks)
        part(.summaryBudget, budgetBlocks)
        part(.summaryDecided, decisionBlocks)
        part(.summaryReview, reviewBlocks)
        return Document(sections: sections)
    }

    /// The budget part, as the record stands: an agreed budget is "your budget", with what it may
    /// be spent on; a referred one is an estimate a manager will decide, with what the person
    /// would pay if it is agreed; a refused one is said to be not agreed, and nothing more here —
    /// why, and how to challenge it, are said once, in the decided part that follows.
    private var budgetBlocks: [DocumentBlock] {
        guard let budget else { return [] }
        let standing = standing
        if standing == .decided(.refused) { return [.paragraph(catalog.document(.summaryBudgetRefused))] }
        let referred = standing == .referred
        var blocks: [DocumentBlock] = []
        if let amount = budget.amount, let period = budget.period {
            blocks.append(.paragraph(catalog.document(referred ? .summaryBudgetReferred : .summaryBudgetAmount,
                                                      ["amount": catalog.money(amount), "from": day(period.from), "to": day(period.to)])))
        }
        if let contribution = budget.contribution {
            let pays: UIText = referred ? .summaryContributionReferred : .summaryContribution
            let paysNothing: UIText = referred ? .summaryNoContributionReferred : .summaryNoContribution
            blocks.append(.paragraph(contribution.pence > 0 ? catalog.document(pays, ["amount": catalog.money(contribution)]) : catalog.document(paysNothing)))
        }
        // The summary's own sentences, to the person: the form's choice labels are written to be
        // read beside each other ("a mix of the options above"), the costing's for the worker.
        let mix = answers(Questions.optionMix)
        let arranged: UIText = switch budget.option {
        case _ where budget.deemed: .summaryArrangedDeemed
        case .option1: .summaryOption1
        case .option2: .summaryOption2
        case .option3: .summaryOption3
        case .option4: mix.isEmpty ? .summaryOption4 : .summaryOption4Mixed
        }
        blocks.append(.paragraph(catalog.document(arranged)))
        if budget.option == .option4 && !budget.deemed { blocks += mix }
        // What it may be spent on is said only of a budget agreed.
        if let rules, !referred {
            let language = catalog.language
            if spendingInEnglishOnly { blocks.append(.paragraph(catalog.document(.summaryEnglishOnly))) }
            if !rules.maySpendOn.isEmpty {
                blocks.append(.paragraph(catalog.document(.costingMaySpend, ["text": rules.maySpendOn.text(language: language)])))
            }
            if !rules.mayNotSpendOn.isEmpty {
                blocks.append(.paragraph(catalog.document(.costingMayNotSpend, ["text": rules.mayNotSpendOn.text(language: language)])))
            }
        }
        return blocks
    }

    /// What we agreed to work towards, in the summary's own words: each outcome as it was given,
    /// whose words they were, and one sentence of what will help with it and whether it may need
    /// support the budget pays for; in a review, how far the outcomes were met and what happened.
    /// Never the form's questions for the worker, nor a bare "yes".
    private var outcomeBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        if case .choice(let met?, _)? = answered(Questions.outcomesOverall)?.answer.value, let answer = answered(Questions.outcomesOverall)?.answer {
            let said: UIText? = switch met {
            case "met": .summaryOutcomesMet
            case "partly-met": .summaryOutcomesPartlyMet
            case "not-met": .summaryOutcomesNotMet
            default: nil
            }
            if let said {
                blocks.append(.answer(AttributedAnswer(question: catalog.document(.summaryOutcomesOverall), body: .text([catalog.document(said)]),
                                                       by: attribution.line(for: answer.speaker))))
            }
        }
        if let (question, answer) = answered(Questions.eachOutcome), case .text = answer.value {
            let readBack = ReadBackSummary(session: session, words: words, person: person, addressed: attribution)
            blocks.append(.answer(AttributedAnswer(question: catalog.document(.summaryEachOutcome), body: readBack.body(answer.value, question: question.id),
                                                   by: attribution.line(for: answer.speaker))))
        }
        for id in Questions.outcomeLists {
            guard let answer = answered(id)?.answer, case .outcomes(let outcomes) = answer.value else { continue }
            let items = outcomes.map { outcome in
                let help: DocumentText? = switch outcomeHelp(outcome) {
                case .budgetMayPay(let supports): catalog.document(.summaryOutcomeFundedHelp, ["supports": supports], inserted: ["supports"])
                case .mayNeedBudget: catalog.document(.summaryOutcomeFunded)
                case .helps(let supports): catalog.document(.summaryOutcomeHelp, ["supports": supports], inserted: ["supports"])
                case .noBudgetNeeded: catalog.document(.summaryOutcomeNotFunded)
                case .unsaid: nil
                }
                // What was agreed about it, in the person's words: the steps, when, and how you will both know.
                let agreed: [DocumentText] = [(UIText.summaryOutcomeSteps, "steps", outcome.milestones),
                                              (.summaryOutcomeWhen, "when", outcome.timescale),
                                              (.summaryOutcomeKnow, "how", outcome.howWeWillKnow)].compactMap { text, name, words in
                    let words = words.trimmingCharacters(in: .whitespacesAndNewlines)
                    return words.isEmpty ? nil : catalog.document(text, [name: words], inserted: [name])
                }
                return DocumentItem(.inserted(outcome.outcome), details: agreed + [help].compactMap { $0 })
            }
            let lead: UIText = id == Questions.outcomeLists.first ? .summaryOutcomesAgreed : .summaryOutcomesNew
            blocks.append(.answer(AttributedAnswer(question: catalog.document(lead), body: .items(items), by: attribution.line(for: answer.speaker))))
        }
        return blocks
    }

    /// What is said of the help with an outcome: the supports the plan gives for it, and whether a
    /// budget may pay for them — the plan's costed lines, not the worker's earlier answer, say
    /// so, and never where the budget was refused or nothing is costed.
    enum OutcomeHelp: Equatable {
        /// The plan's supports for it, which the budget may pay for.
        case budgetMayPay(String)
        /// No support in the plan names it, but it may need support the budget pays for.
        case mayNeedBudget
        /// The plan's supports for it, with no budget that may pay for them.
        case helps(String)
        /// It should not need support the budget pays for.
        case noBudgetNeeded
        /// Nothing true can be said of a budget for it (it may need one, and there is none).
        case unsaid
    }

    func outcomeHelp(_ outcome: OutcomeEntry) -> OutcomeHelp {
        let supports = supportsFor(outcome).joined(separator: "; ")
        let budgetMayPay = switch standing {
        case .decided(.refused), .notCosted: false
        case .approvedWithinWorkerLimit, .referred, .decided(.approved): true
        }
        if !supports.isEmpty { return budgetMayPay ? .budgetMayPay(supports) : .helps(supports) }
        if outcome.mayNeedFundedSupport { return budgetMayPay ? .mayNeedBudget : .unsaid }
        return .noBudgetNeeded
    }

    /// The supports the plan gives for `outcome`, by name, each once: the lines of the support
    /// plan that name the outcome in the same words (its case and spaces aside).
    func supportsFor(_ outcome: OutcomeEntry) -> [String] {
        guard let plan = session.form.costing?.plan, let planQuestion = session.form.question(id: plan), session.isRelevant(planQuestion),
              case .supportPlan(let lines)? = session.answers[plan]?.value else { return [] }
        let key = PersonSummary.outcomeKey(outcome.outcome)
        guard !key.isEmpty else { return [] }
        var names: [String] = []
        for line in lines where PersonSummary.outcomeKey(line.outcome) == key {
            let name = words.supportName(line.support)
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// An outcome's words as compared: spaces runs made one, trimmed, case folded.
    static func outcomeKey(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ").lowercased()
    }

    private var decisionBlocks: [DocumentBlock] {
        let standing = standing
        guard standing != .notCosted else { return [] }
        var blocks = RecordCopy.decisionText(history: history, catalog: catalog).map(DocumentBlock.paragraph)
        if case .decided = standing {} else {
            // The worker's own decision: within their limit, or referred; and their reasons.
            if standing == .approvedWithinWorkerLimit {
                blocks.append(.paragraph(attribution.names[.worker].map { catalog.document(.summaryApprovedByWorkerNamed, ["name": $0], inserted: ["name"]) }
                                         ?? catalog.document(.summaryApprovedByWorker)))
            }
            blocks += answers(Questions.reasons)
        }
        // Said once on the page: where the spending words were English, it was said there.
        if challengeInEnglishOnly && !spendingInEnglishOnly { blocks.append(.paragraph(catalog.document(.summaryEnglishOnly))) }
        if let installed = installedChallenge {
            return blocks + [.paragraph(DocumentText(catalog.text(.decisionChallenge, ["text": installed])))]
        }
        // The signed words, with a note when they are in another language than the copy's.
        if let signed, signed.challenge?.isEmpty == false, let note = RecordCopy.asSignedNote(signedIn: signed.language, catalog: catalog) {
            blocks.append(.paragraph(note))
        }
        return blocks + RecordCopy.challengeParagraphs(signed, catalog: catalog).map { .paragraph(DocumentText($0)) }
    }

    private var reviewBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        if let date = reviewDate { blocks.append(.paragraph(catalog.document(.summaryReviewDate, ["date": day(date)]))) }
        blocks += answers(Questions.howChecked)
        // How to reach them: by the council's phone where its rules give one, never a made-up number.
        let call = councilPhone.map { ["council": $0.council, "phone": $0.phone] }
        if let name = contactName {
            blocks.append(.paragraph(call.map { catalog.document(.summaryContactCall, $0.merging(["name": name]) { $1 }, inserted: ["name", "council", "phone"]) }
                                     ?? catalog.document(.summaryContact, ["name": name], inserted: ["name"])))
        } else if let worker = attribution.names[.worker] {
            blocks.append(.paragraph(call.map { catalog.document(.summaryContactCallWorkerNamed, $0.merging(["name": worker]) { $1 }, inserted: ["name", "council", "phone"]) }
                                     ?? catalog.document(.summaryContactWorkerNamed, ["name": worker], inserted: ["name"])))
        } else {
            blocks.append(.paragraph(call.map { catalog.document(.summaryContactCallWorker, $0, inserted: ["council", "phone"]) } ?? catalog.document(.summaryContactWorker)))
        }
        return blocks
    }
}
