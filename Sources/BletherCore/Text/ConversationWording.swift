import Foundation

/// The words for one conversation in one language: section and question text from the
/// form's catalog keys, states, refusals and answers, shared by every face.
///
/// ```swift
/// let words = ConversationWording(catalog: catalog, form: form)
/// print(words.refusal(.sectionLocked(section: "costing", needing: ["technology"])))
/// ```
package struct ConversationWording: Sendable {
    package let catalog: Catalog
    package let form: Form

    package init(catalog: Catalog, form: Form) {
        self.catalog = catalog
        self.form = form
    }

    package var formTitle: String { catalog.text(FormTextKey.title(form: form.id)) }
    package func sectionTitle(_ id: String) -> String { catalog.text(FormTextKey.sectionTitle(form: form.id, section: id)) }
    package func sectionIntro(_ id: String) -> String { catalog.text(FormTextKey.sectionIntro(form: form.id, section: id)) }
    package func label(_ question: String) -> String { catalog.text(FormTextKey.questionLabel(form: form.id, question: question)) }

    package func hint(_ question: String) -> String? {
        let key = FormTextKey.questionHint(form: form.id, question: question)
        return catalog.has(key) ? catalog.text(key) : nil
    }

    package func choiceLabel(_ question: String, _ choice: String) -> String {
        catalog.text(FormTextKey.choice(form: form.id, question: question, choice: choice))
    }

    package func speakerName(_ speaker: Speaker) -> String {
        switch speaker {
        case .person: catalog.text(.speakerPerson)
        case .carer: catalog.text(.speakerCarer)
        case .advocate: catalog.text(.speakerAdvocate)
        case .worker: catalog.text(.speakerWorker)
        }
    }

    package func outcomeGroupName(_ group: OutcomeGroup) -> String {
        switch group {
        case .qualityOfLife: catalog.text(.outcomeGroupQualityOfLife)
        case .process: catalog.text(.outcomeGroupProcess)
        case .change: catalog.text(.outcomeGroupChange)
        }
    }

    /// Section titles joined for a sentence, in form order.
    package func sectionList(_ ids: [String]) -> String {
        ids.map { "“\(sectionTitle($0))”" }.joined(separator: ", ")
    }

    package func state(_ state: SectionState) -> String {
        switch state {
        case .locked(let needing): catalog.text(.stateLocked, ["sections": sectionList(needing)])
        case .notStarted: catalog.text(.stateNotStarted)
        case .inProgress(let missing) where missing.isEmpty: catalog.text(.stateInProgress)
        case .inProgress(let missing): catalog.text(.stateInProgressMissing, count: missing.count)
        case .answered: catalog.text(.stateAnswered)
        case .nothingHere: catalog.text(.stateNothingHere)
        }
    }

    /// "Section 4 of 15 · 23 answers".
    package func progress(of session: Session) -> String {
        let index = session.currentSection.flatMap { form.sectionIndex(id: $0.id) }.map { $0 + 1 } ?? form.sections.count
        return catalog.text(.progress, count: session.answeredCount, ["index": String(index), "total": String(form.sections.count)])
    }

    /// - Parameter requiredText: the face's own words for an empty required answer, when the form has none.
    package func refusal(_ refusal: SessionRefusal, requiredText: UIText = .problemRequired) -> String {
        switch refusal {
        case .sectionLocked(let section, let needing):
            return catalog.text(.refusalLocked, ["section": sectionTitle(section), "sections": sectionList(needing)])
        case .unknownSection(let name): return catalog.text(.refusalUnknownSection, ["name": name])
        case .unknownQuestion(let name): return catalog.text(.refusalUnknownSection, ["name": name])
        case .notRelevant: return catalog.text(.refusalNotRelevant)
        case .required(let question):
            let key = FormTextKey.requiredMessage(form: form.id, question: question)
            return catalog.has(key) ? catalog.text(key) : catalog.text(requiredText)
        case .invalidAnswer(_, .belowMinimum(let minimum)): return catalog.text(.problemBelowMinimum, ["minimum": minimum])
        case .invalidAnswer(_, .aboveMaximum(let maximum)): return catalog.text(.problemAboveMaximum, ["maximum": maximum])
        case .invalidAnswer(_, .wrongKind): return catalog.text(.problemWrongKind)
        case .constraintFailed(let question): return catalog.text(FormTextKey.constraintMessage(form: form.id, question: question))
        case .sectionHasAnswers(let section): return catalog.text(.refusalSectionHasAnswers, ["section": sectionTitle(section)])
        case .nothingHereNotAllowed(let section): return catalog.text(.refusalNothingHereNotAllowed, ["section": sectionTitle(section)])
        case .nothingHereNoteRequired(let section): return catalog.text(.refusalNothingHereNoteRequired, ["section": sectionTitle(section)])
        case .noQuestionHere: return catalog.text(.refusalNoQuestionHere)
        case .atStart: return catalog.text(.refusalAtStart)
        case .atEnd: return catalog.text(.refusalAtEnd)
        case .notGoneThrough(.summary): return catalog.text(.refusalNotReadBack)
        case .notGoneThrough(.costing): return catalog.text(.refusalCostingNotGoneThrough)
        }
    }

    package func inputProblem(_ problem: AnswerInputProblem) -> String {
        switch problem {
        case .notANumber(let text): catalog.text(.problemNotANumber, ["text": text])
        case .money(.tooManyPenceDigits, _): catalog.text(.problemTooManyPence)
        case .money(.tooLarge, _): catalog.text(.problemMoneyTooLarge)
        case .money(_, let text): catalog.text(.problemNotMoney, ["text": text])
        case .date(.noSuchMonth(let month), _): catalog.text(.problemNoSuchMonth, ["month": String(month)])
        case .date(.noSuchDay(let day, _, _), _): catalog.text(.problemNoSuchDay, ["day": String(day)])
        case .date(_, let text): catalog.text(.problemNotADate, ["text": text])
        case .yesOrNo: catalog.text(.problemYesOrNo)
        case .choiceNotNumber: catalog.text(.problemChoiceNotNumber)
        case .choiceOutOfRange(let number, let maximum): catalog.text(.problemChoiceOutOfRange, ["number": String(number), "maximum": String(maximum)])
        case .chooseOne: catalog.text(.problemChooseOne)
        case .otherEmpty: catalog.text(.problemOtherEmpty)
        case .emptyName: catalog.text(.problemEmptyName)
        case .quantity(let text): catalog.text(.planNotAQuantity, ["text": text])
        case .notOnScale(let text, let from, let to):
            catalog.text(.problemNotOnScale, ["text": text]) + " " + catalog.text(.inputScale, ["from": String(from), "to": String(to)])
        }
    }

    /// An answer as a short line of text, for read-back and "current answer", as its
    /// question's kind shows it (``QuestionKind/shownText(of:question:words:)``).
    package func answerText(_ value: AnswerValue, question: String) -> String {
        form.question(id: question)?.kind.shownText(of: value, question: question, words: self) ?? valueText(value, question: question)
    }

    /// An answer as a short line of text, by its shape alone.
    package func valueText(_ value: AnswerValue, question: String) -> String {
        switch value {
        case .text(let text): return text
        case .choice(let id, let other):
            if let id { return choiceLabel(question, id) }
            return catalog.text(.answerOther, ["text": other ?? ""])
        case .choices(let ids, let other):
            var parts = ids.map { choiceLabel(question, $0) }
            if let other, !other.isEmpty { parts.append(catalog.text(.answerOther, ["text": other])) }
            return parts.joined(separator: "; ")
        case .number(let number): return String(number)
        case .money(let money): return money.formatted
        case .date(let date): return date.iso
        case .yesNo(let flag): return catalog.text(flag ? .answerYes : .answerNo)
        case .people(let people):
            return people.map { [$0.name, $0.relationship].filter { !$0.isEmpty }.joined(separator: ", ") }.joined(separator: "; ")
        case .outcomes(let outcomes):
            return outcomes.map(\.outcome).joined(separator: "; ")
        case .supportPlan(let lines):
            return lines.map(planLine).joined(separator: "; ")
        }
    }

    /// A support type's name in the catalog's language: from the rate card that lists it,
    /// else the words typed for it (rules without a rate card).
    package func supportName(_ support: String) -> String {
        for rules in form.costingRules {
            if let rate = rules.rate(id: support) { return rate.name.text(language: catalog.language) }
        }
        return support
    }

    /// How much of a support type: "10 hours", "1 item".
    package func quantity(_ quantity: Int, of support: String) -> String {
        let unit = form.costingRules.lazy.compactMap { $0.rate(id: support)?.unit }.first
        switch unit {
        case .hour?: return catalog.text(.planHours, count: quantity)
        case .day?: return catalog.text(.planDays, count: quantity)
        case .night?: return catalog.text(.planNights, count: quantity)
        case .week?: return catalog.text(.planWeeks, count: quantity)
        case .item?, nil: return catalog.text(.planItems, count: quantity)
        }
    }

    /// One line of a support plan: what, how much, how often, and what it is for.
    package func planLine(_ line: SupportPlan.Line) -> String { planLineText(line).plain }

    /// ``planLine(_:)`` as a document's text, the outcome the person named kept apart (to be isolated).
    package func planLineText(_ line: SupportPlan.Line) -> DocumentText {
        let amount = quantity(line.quantity, of: line.support)
        var text = DocumentText(catalog.text(line.frequency == .perWeek ? .planLineWeekly : .planLineOnce,
                                             ["support": supportName(line.support), "quantity": amount]))
        if !line.outcome.isEmpty { text = text + " — " + catalog.document(.planForOutcome, ["outcome": line.outcome], inserted: ["outcome"]) }
        if let option = line.underOption4 { text = text + DocumentText(" " + catalog.text(.planUnderOption4, ["number": String(option.number)])) }
        return text
    }
}
