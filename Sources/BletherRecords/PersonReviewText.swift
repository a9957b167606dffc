import BletherCore

/// What the supported person reads when they review their record, in either face: the
/// summary, how the budget was worked out and what was decided (once signed), their own
/// words, and how to challenge a decision.
///
/// ```swift
/// let lines = PersonReviewText.lines(session: session, words: words, person: "Morag", content: signed, comments: ["…"])
/// ```
public enum PersonReviewText {
    public static func lines(session: Session, words: ConversationWording, person: String, content: SignedRecordContent?,
                             comments: [String]) -> [String] {
        let catalog = words.catalog
        var lines = ReadBackSummary(session: session, words: words, person: person).text.components(separatedBy: "\n")
        if let content, let explanation = content.costingExplanation {
            lines += [""] + explanation.components(separatedBy: "\n") + [""] + content.choiceLines(words)
        }
        if let content {
            let decision = RecordCopy.decisionParagraphs(content, catalog: catalog)
            if !decision.isEmpty { lines += ["", catalog.text(.decisionTitle)] + decision }
        }
        if !comments.isEmpty { lines += ["", catalog.text(.reviewComments)] + comments.map { "  " + $0.replacingOccurrences(of: "\n", with: " ") } }
        return lines + ["", catalog.text(.copyChallengeTitle)] + RecordCopy.challengeParagraphs(content, catalog: catalog)
    }
}
