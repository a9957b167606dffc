/// Something the worker or the person did, handed to ``Session/handle(_:at:)``.
package enum SessionEvent: Sendable, Equatable {
    /// Answer a question as the current speaker. The cursor stays; follow with ``skip`` to move on.
    case answer(question: String, value: AnswerValue)
    /// Remove an answer.
    case clear(question: String)
    /// Move on from the question at the cursor (answered or not) to the next shown question,
    /// or past the section's end to the next section that needs attention.
    case skip
    /// Go to the previous question.
    case back
    /// Go to the first question of the next section.
    case nextSection
    /// Go to any open section.
    case jump(section: String)
    /// Mark the section at the cursor *talked about — nothing here*, with a few words on what
    /// was explored (required where the section's form says so), attributed to the current speaker.
    case markNothingHere(note: String)
    /// Change who is speaking; later answers are attributed to them.
    case setSpeaker(Speaker)
    /// A text was shown to the person: how long, and whether every page (``ShownTextViewing``).
    case shown(ShownText, ShownTextNote)
}
