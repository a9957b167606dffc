/// Why the engine did not do what was asked. The session is unchanged; each face
/// turns this into words from the catalog.
package enum SessionRefusal: Error, Sendable, Equatable {
    /// The section's gate is not yet met; `needing` lists, in order, the sections still to answer or mark.
    case sectionLocked(section: String, needing: [String])
    case unknownSection(String)
    case unknownQuestion(String)
    /// The question is hidden by its `relevant` condition.
    case notRelevant(question: String)
    /// A required question was given an empty answer.
    case required(question: String)
    /// The answer breaks a rule of the question; the problem says which.
    case invalidAnswer(question: String, problem: AnswerProblem)
    /// The form's `constraint` does not hold; its message is in the catalog.
    case constraintFailed(question: String)
    /// The section already has answers, so it cannot be *nothing here*.
    case sectionHasAnswers(section: String)
    case nothingHereNotAllowed(section: String)
    /// The section needs a few words on what was explored before it is marked *nothing here*.
    case nothingHereNoteRequired(section: String)
    /// The cursor is not on a question, so there is nothing to skip or mark.
    case noQuestionHere
    case atStart
    case atEnd
    /// "Yes, it was read back (gone through)", or the agreement, before every page of the text was shown.
    case notGoneThrough(ShownText)
}

/// What is wrong with an answer's content, in terms a face can put into words.
package enum AnswerProblem: Sendable, Equatable {
    case wrongKind
    case belowMinimum(String)
    case aboveMaximum(String)
}
