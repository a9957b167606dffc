/// Something the worker or the person did, handed to ``Session/handle(_:at:)``.
public enum SessionEvent: Sendable, Equatable {
    /// Answer a question (normally the one at the cursor) as the current speaker.
    case answer(question: String, value: AnswerValue)
    /// Remove an answer.
    case clear(question: String)
    /// Leave the question at the cursor for now and move on.
    case skip
    /// Go to the previous question.
    case back
    /// Go to the first question of the next section.
    case nextSection
    /// Go to any open section.
    case jump(section: String)
    /// Mark the section at the cursor *talked about — nothing here*.
    case markNothingHere
    /// Change who is speaking; later answers are attributed to them.
    case setSpeaker(Speaker)
}
