import Foundation

/// Who is speaking follows the form: a question (or section) `asked_of` someone — the
/// worker's own reasons, name and signing details — is answered as theirs, and the speaker
/// chosen before comes back when the cursor leaves it. One rule here, for every face.
extension Session {
    /// Applies one event. On success returns what the edge must save, at once; on
    /// refusal throws why and leaves the session exactly as it was. When the cursor moves
    /// onto a question asked of someone, the speaker becomes them; when it moves off, the
    /// speaker chosen before comes back.
    ///
    /// ```swift
    /// let effects = try session.handle(.jump(section: "costing"), at: clock.now)
    /// ```
    package mutating func handle(_ event: SessionEvent, at now: Date) throws(SessionRefusal) -> [SessionEffect] {
        let whole = self
        let before = (cursor: cursor, speaker: speaker, chosen: chosenSpeaker)
        var effects = try apply(event, at: now)
        if cursor != before.cursor { followCursorWithSpeaker() }
        if (speaker, chosenSpeaker) != (before.speaker, before.chosen), !effects.contains(.saveSpeaker) {
            effects.append(.saveSpeaker)
        }
        return effects + agreementEffects(since: whole)
    }

    /// Who the form says answers the question at the cursor; `nil` when it does not say
    /// (or the cursor is not on a question).
    package var askedSpeaker: Speaker? {
        guard case .question(let id) = cursor else { return nil }
        return form.speaker(askedFor: id)
    }

    /// Whose words an answer to `questionID` is: the current speaker at the cursor; for a
    /// question answered from elsewhere, the one it is asked of, else the one chosen.
    func speaker(answering questionID: String) -> Speaker {
        if cursor == .question(questionID) { return speaker }
        return form.speaker(askedFor: questionID) ?? chosenSpeaker
    }

    /// Sets the speaker for the question now at the cursor: the one it is asked of, else the one chosen.
    mutating func followCursorWithSpeaker() {
        speaker = askedSpeaker ?? chosenSpeaker
    }
}
