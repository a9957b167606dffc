import BletherCore

extension SignedRecordContent {
    /// How the budget was worked out, as the person was shown it and as it was signed, as a
    /// document — `nil` when the record has no costing. Worked out again from the signed
    /// answers and the rules installed here when that gives exactly the signed text, in the
    /// same language (so its structure is the one the person saw); otherwise the signed text
    /// itself, line by line, with no structure guessed from it.
    ///
    /// ```swift
    /// if let explanation = content.costingDocument(words) { DocumentHTML(explanation).body }
    /// ```
    package func costingDocument(_ words: ConversationWording) -> Document? {
        guard let signed = costingExplanation else { return nil }
        if let costing = ConversationCosting(session: session), let explained = try? CostingExplanation(costing: costing, words: words) {
            let document = explained.document
            if document.text == signed { return document }
        }
        // As signed, perhaps in another language than the reader's: its direction its own.
        let lines = signed.components(separatedBy: "\n").map { DocumentBlock.paragraph(DocumentText($0)) }
        return Document(sections: [DocumentSection(blocks: lines, ownDirection: true)])
    }
}
