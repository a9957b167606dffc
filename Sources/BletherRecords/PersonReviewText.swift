import BletherCore

/// What the supported person reads when they review their record, in either face: the
/// summary, how the budget was worked out and what was decided (once signed), their own
/// words, and how to challenge a decision — as one document, so the full screen styles its
/// headings from the structure and the plain face prints its lines.
///
/// ```swift
/// let document = PersonReviewText.document(session: session, words: words, person: "Morag", content: signed, comments: ["…"])
/// let lines = PersonReviewText.lines(session: session, words: words, person: "Morag", content: signed, comments: ["…"])
/// ```
package enum PersonReviewText {
    /// **The one place where what the person reads in their review is chosen**, for both faces
    /// (the full screen's review and `blether --plain review`): first the one page written to
    /// them (``PersonSummary``), then the full record — the record as read back, how the
    /// budget was worked out, the decision, their own words and how to challenge it.
    /// The summary names nobody the review cannot confirm: "your worker", "your carer" — unless
    /// `names` gives them, from the record's signatures as verified here
    /// (``PersonSummary/signatureNames(verified:)``).
    package static func document(session: Session, words: ConversationWording, person: String, content: SignedRecordContent?,
                                comments: [String], names: [Speaker: String] = [:]) -> Document {
        let catalog = words.catalog
        var sections = PersonSummary(session: session, words: words, person: person, history: content.map { [$0] } ?? [],
                                     names: content == nil ? [:] : names).document.sections
        // Its introduction says the record was signed: only said of a record that was.
        sections.append(DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.copyFullRecord)),
                                        blocks: content == nil ? [] : [.paragraph(catalog.document(.copyFullRecordIntro))]))
        sections += ReadBackSummary(session: session, words: words, person: person).document.sections
        if let content, let explanation = content.costingDocument(words) {
            sections += explanation.sections
            let choice = content.choiceLines(words)
            if !choice.isEmpty { sections.append(DocumentSection(blocks: choice.map { .paragraph(DocumentText($0)) })) }
        }
        if let content {
            let decision = RecordCopy.decisionParagraphs(content, catalog: catalog)
            if !decision.isEmpty {
                sections.append(DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.decisionTitle)),
                                                blocks: decision.map { .paragraph(DocumentText($0)) }))
            }
        }
        if !comments.isEmpty {
            let items = comments.map { DocumentItem(.inserted($0.replacingOccurrences(of: "\n", with: " "))) }
            sections.append(DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.reviewComments)),
                                            blocks: [.list(DocumentList(items: items))]))
        }
        sections.append(DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.copyChallengeTitle)),
                                        blocks: RecordCopy.challengeParagraphs(content, catalog: catalog).map { .paragraph(DocumentText($0)) }))
        return Document(sections: sections)
    }

    /// The document's plain text, line by line.
    package static func lines(session: Session, words: ConversationWording, person: String, content: SignedRecordContent?,
                             comments: [String], names: [Speaker: String] = [:]) -> [String] {
        DocumentPlainText(document(session: session, words: words, person: person, content: content, comments: comments, names: names)).lines
            .flatMap { $0.components(separatedBy: "\n") }
    }
}
