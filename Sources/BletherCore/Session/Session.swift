import Foundation

/// One conversation in progress: the form, every answer with who gave it and when,
/// the sections marked *talked about — nothing here*, where the conversation is, and
/// who is speaking. A pure value; faces change it only through ``handle(_:at:)``.
///
/// ```swift
/// var session = Session(form: form)
/// let effects = try session.handle(.answer(question: "good-life", value: .text("Gardening")), at: .now)
/// ```
package struct Session: Sendable, Equatable {
    package let form: Form
    package internal(set) var answers: [String: Answer]
    package internal(set) var marks: [String: SectionMark]
    package internal(set) var cursor: SessionCursor
    package internal(set) var speaker: Speaker
    /// The speaker last chosen away from questions asked of someone (F3, `:who`): the one
    /// the conversation goes back to when the cursor leaves such a question.
    package internal(set) var chosenSpeaker: Speaker
    /// What was shown to the person, and which read-back their agreement was given to.
    package internal(set) var shownTexts: ShownTexts

    /// A session, fresh or restored; a cursor that no longer fits the form is moved to
    /// the first section that needs attention. `chosenSpeaker` defaults to `speaker`.
    package init(
        form: Form, answers: [String: Answer] = [:], marks: [String: SectionMark] = [:],
        cursor: SessionCursor? = nil, speaker: Speaker = .person, chosenSpeaker: Speaker? = nil, shownTexts: ShownTexts = ShownTexts()
    ) {
        self.form = form
        self.shownTexts = shownTexts
        self.answers = answers
        self.marks = marks
        self.speaker = speaker
        self.chosenSpeaker = chosenSpeaker ?? speaker
        self.cursor = .finished
        if let cursor, isValid(cursor) {
            self.cursor = cursor
        } else {
            self.cursor = firstCursor(from: 0)
        }
        if cursor == nil || cursor != self.cursor { followCursorWithSpeaker() }
    }

    // MARK: Reading the state

    /// Answer values by question id, as conditions read them.
    package var answerValues: [String: AnswerValue] {
        answers.mapValues(\.value)
    }

    package func isRelevant(_ question: Question) -> Bool {
        guard let relevant = question.relevant else { return true }
        return ConditionEvaluator(form: form, answers: answerValues).holds(relevant)
    }

    /// The questions of a section that are shown, given the answers so far.
    package func relevantQuestions(in section: Section) -> [Question] {
        section.questions.filter(isRelevant)
    }

    /// Whether a question has a non-empty answer.
    package func isAnswered(_ questionID: String) -> Bool {
        answers[questionID].map { !$0.value.isEmpty } ?? false
    }

    package func state(of section: Section) -> SectionState {
        var known: [String: SectionState] = [:]
        return state(of: section, known: &known)
    }

    /// Every section's state by id, worked out in one pass (each gate looks back at states already known).
    ///
    /// ```swift
    /// let states = session.sectionStates
    /// states["costing"]   // .locked(needing: ["technology"])
    /// ```
    package var sectionStates: [String: SectionState] {
        var known: [String: SectionState] = [:]
        for section in form.sections { _ = state(of: section, known: &known) }
        return known
    }

    /// A section's state, with the states already worked out: a gate names earlier sections,
    /// whose own gates name earlier ones again, so each is worked out once, not once per path.
    private func state(of section: Section, known: inout [String: SectionState]) -> SectionState {
        if let state = known[section.id] { return state }
        let state = workedOutState(of: section, known: &known)
        known[section.id] = state
        return state
    }

    private func workedOutState(of section: Section, known: inout [String: SectionState]) -> SectionState {
        let needing = sectionsNeeding(before: section, known: &known)
        if !needing.isEmpty { return .locked(needing: needing) }
        if marks[section.id] != nil { return .nothingHere }
        let relevant = relevantQuestions(in: section)
        let answered = relevant.filter { isAnswered($0.id) }
        if answered.isEmpty { return .notStarted }
        // A required question without an answer, or an answer that no longer meets its
        // constraint (another answer it depends on changed), keeps the section open.
        let missing = relevant.filter { (isRequired($0) && !isAnswered($0.id)) || breaksConstraint($0) }.map(\.id)
        return missing.isEmpty ? .answered : .inProgress(missingRequired: missing)
    }

    /// Whether a saved answer fails its question's constraint as the other answers now stand.
    package func breaksConstraint(_ question: Question) -> Bool {
        guard let answer = answers[question.id], !answer.value.isEmpty else { return false }
        if !costingAllows(question.id, answer.value) { return true }
        guard let constraint = question.constraint else { return false }
        return !ConditionEvaluator(form: form, answers: answerValues, currentAnswer: answer.value).holds(constraint)
    }


    /// The sections named in this section's gate that are not yet answered or marked, in form order.
    package func sectionsNeeding(before section: Section) -> [String] {
        var known: [String: SectionState] = [:]
        return sectionsNeeding(before: section, known: &known)
    }

    private func sectionsNeeding(before section: Section, known: inout [String: SectionState]) -> [String] {
        guard !section.gate.isEmpty else { return [] }
        return form.sections
            .filter { section.gate.contains($0.id) && !state(of: $0, known: &known).isComplete }
            .map(\.id)
    }

    package func isLocked(_ section: Section) -> Bool {
        !sectionsNeeding(before: section).isEmpty
    }

    /// The section the cursor is in (the locked one when the cursor waits at a locked section).
    package var currentSection: Section? {
        switch cursor {
        case .question(let id): form.section(containing: id)
        case .lockedSection(let id): form.section(id: id)
        case .finished: nil
        }
    }

    package var currentQuestion: Question? {
        if case .question(let id) = cursor { return form.question(id: id) }
        return nil
    }

    /// Number of relevant questions with an answer, across the form.
    package var answeredCount: Int {
        form.sections.reduce(0) { total, section in
            total + relevantQuestions(in: section).filter { isAnswered($0.id) }.count
        }
    }

    // MARK: Moving

    func isValid(_ cursor: SessionCursor) -> Bool {
        switch cursor {
        case .question(let id):
            guard let section = form.section(containing: id), let question = form.question(id: id) else { return false }
            return !isLocked(section) && isRelevant(question)
        case .lockedSection(let id):
            return form.section(id: id).map(isLocked) ?? false
        case .finished:
            return isReadyToSign
        }
    }

    /// Whether every section is answered or marked "talked about — nothing here": the record
    /// may then be signed, wherever in it the worker is (both faces ask this; sealing checks
    /// the read-back, the agreement and the costing besides).
    package var isReadyToSign: Bool {
        let states = sectionStates
        return form.sections.allSatisfy { states[$0.id]?.isComplete == true }
    }

    /// Where a section starts: its first shown, unanswered question, else its first shown question.
    func entryCursor(for section: Section) -> SessionCursor {
        let relevant = relevantQuestions(in: section)
        if let open = relevant.first(where: { !isAnswered($0.id) }) ?? relevant.first {
            return .question(open.id)
        }
        return .lockedSection(section.id)
    }

    /// The next section from `index` on that needs attention, else the first from the start; else finished.
    func firstCursor(from index: Int) -> SessionCursor {
        let sections = form.sections
        let candidates = sections[min(index, sections.count)...] + sections[..<min(index, sections.count)]
        guard let next = candidates.first(where: { !state(of: $0).isComplete }) else { return .finished }
        return isLocked(next) ? .lockedSection(next.id) : entryCursor(for: next)
    }

    /// After the question `id`: the next shown question in its section, else the next section needing attention.
    func cursor(after questionID: String) -> SessionCursor {
        guard let section = form.section(containing: questionID),
              let sectionIndex = form.sectionIndex(id: section.id),
              let position = section.questions.firstIndex(where: { $0.id == questionID }) else {
            return firstCursor(from: 0)
        }
        if let next = section.questions[(position + 1)...].first(where: isRelevant) {
            return .question(next.id)
        }
        return firstCursor(from: sectionIndex + 1)
    }

    /// The shown question before the cursor, in open sections, in form order.
    func cursorBefore() -> SessionCursor? {
        let ordered = form.sections.flatMap { section in section.questions.map { (section, $0) } }
        let end: Int
        switch cursor {
        case .question(let id):
            guard let position = ordered.firstIndex(where: { $0.1.id == id }) else { return nil }
            end = position
        case .lockedSection(let id):
            end = ordered.firstIndex(where: { $0.0.id == id }) ?? ordered.count
        case .finished:
            end = ordered.count
        }
        return ordered[..<end].last(where: { !isLocked($0.0) && isRelevant($0.1) }).map { .question($0.1.id) }
    }
}
