import Foundation

extension Session {
    /// Applies one event, before the speaker follows the cursor and a change clears the
    /// agreement (``handle(_:at:)``).
    mutating func apply(_ event: SessionEvent, at now: Date) throws(SessionRefusal) -> [SessionEffect] {
        switch event {
        case .answer(let questionID, let value):
            return try answer(questionID, with: value, at: now)
        case .clear(let questionID):
            guard let section = form.section(containing: questionID) else { throw .unknownQuestion(questionID) }
            try requireOpen(section)
            guard answers.removeValue(forKey: questionID) != nil else { return [] }
            return [.deleteAnswer(question: questionID)]
        case .skip:
            guard case .question(let id) = cursor else { throw .noQuestionHere }
            cursor = cursor(after: id)
            return [.saveCursor]
        case .back:
            guard let previous = cursorBefore() else { throw .atStart }
            cursor = previous
            return [.saveCursor]
        case .nextSection:
            guard let section = currentSection, let index = form.sectionIndex(id: section.id) else { throw .atEnd }
            guard index + 1 < form.sections.count else { throw .atEnd }
            let next = form.sections[index + 1]
            try requireOpen(next)
            cursor = entryCursor(for: next)
            return [.saveCursor]
        case .jump(let sectionID):
            guard let section = form.section(id: sectionID) else { throw .unknownSection(sectionID) }
            try requireOpen(section)
            cursor = entryCursor(for: section)
            return [.saveCursor]
        case .markNothingHere(let typedNote):
            let section = try sectionToMarkNothingHere()
            guard let index = form.sectionIndex(id: section.id) else { throw .noQuestionHere }
            let note = AnswerText.cleaned(typedNote).trimmingCharacters(in: .whitespacesAndNewlines)
            if !AnswerText.hasWords(note) && section.nothingHereNote == .required { throw .nothingHereNoteRequired(section: section.id) }
            marks[section.id] = SectionMark(speaker: speaker, at: now, note: note)
            cursor = firstCursor(from: index + 1)
            return [.saveSectionMark(section: section.id), .saveCursor]
        case .setSpeaker(let newSpeaker):
            speaker = newSpeaker
            // On a question asked of someone, the change holds for that question only.
            if askedSpeaker == nil { chosenSpeaker = newSpeaker }
            return [.saveSpeaker]
        case .shown(let kind, let note):
            shownTexts.notes[kind] = shownTexts.notes[kind]?.adding(note) ?? note
            return [.saveShown(kind)]
        }
    }

    private func requireOpen(_ section: Section) throws(SessionRefusal) {
        let needing = sectionsNeeding(before: section)
        if !needing.isEmpty { throw .sectionLocked(section: section.id, needing: needing) }
    }

    private mutating func answer(_ questionID: String, with rawValue: AnswerValue, at now: Date) throws(SessionRefusal) -> [SessionEffect] {
        guard let question = form.question(id: questionID), let section = form.section(containing: questionID) else {
            throw .unknownQuestion(questionID)
        }
        try requireOpen(section)
        guard isRelevant(question) else { throw .notRelevant(question: questionID) }
        let value = AnswerText.cleaned(rawValue)
        // An empty answer of any shape means "no answer"; anything else must fit the question.
        guard value.isEmpty || value.fits(question.kind) else { throw .invalidAnswer(question: questionID, problem: .wrongKind) }
        var effects: [SessionEffect] = []
        try requireGoneThrough(question, value)
        if value.isEmpty {
            if isRequired(question) { throw .required(question: questionID) }
            if answers.removeValue(forKey: questionID) != nil { effects.append(.deleteAnswer(question: questionID)) }
        } else {
            try checkBounds(of: value, for: question)
            if let constraint = question.constraint,
               !ConditionEvaluator(form: form, answers: answerValues, currentAnswer: value).holds(constraint) {
                throw .constraintFailed(question: questionID)
            }
            if !costingAllows(questionID, value) { throw .constraintFailed(question: questionID) }
            answers[questionID] = Answer(value: value, speaker: speaker(answering: questionID), at: now)
            effects.append(.saveAnswer(question: questionID))
            if marks.removeValue(forKey: section.id) != nil { effects.append(.deleteSectionMark(section: section.id)) }
        }
        // Answering changes what is shown, not where the conversation is, unless the
        // question at the cursor is now hidden.
        if !isValid(cursor) {
            cursor = firstCursor(from: 0)
            effects.append(.saveCursor)
        }
        return effects
    }

    private func checkBounds(of value: AnswerValue, for question: Question) throws(SessionRefusal) {
        if let problem = question.kind.boundsProblem(of: value) { throw .invalidAnswer(question: question.id, problem: problem) }
    }
}
