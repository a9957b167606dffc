/// What a ``DocumentSection`` holds under its heading.
///
/// ```swift
/// let blocks: [DocumentBlock] = [.paragraph("These are the rules of …"), .list(DocumentList(items: steps))]
/// ```
package enum DocumentBlock: Sendable, Equatable {
    /// A paragraph, set at the margin.
    case paragraph(DocumentText)
    /// Items set in under the heading: steps of a working, lines of a plan.
    case list(DocumentList)
    /// A question, the answer given and whose words they were.
    case answer(AttributedAnswer)
    /// A term and what is said of it, line by line: a revision and who signed it.
    case entry(DocumentEntry)
    /// One idea of an easy-read page, with the place for its picture beside it.
    case pictured(PicturePlace, DocumentText)
}

/// A term set in under its heading, and the lines that describe it set in further.
///
/// ```swift
/// DocumentEntry(term: "Revision 1 (fingerprint …):", descriptions: ["Signed by Ailsa Grant (worker) on 2027-01-15."])
/// ```
package struct DocumentEntry: Sendable, Equatable {
    package var term: DocumentText
    package var descriptions: [DocumentText]

    package init(term: DocumentText, descriptions: [DocumentText]) {
        self.term = term
        self.descriptions = descriptions
    }
}

/// Items of a list, each with the lines that belong to it; numbered or not.
///
/// ```swift
/// DocumentList(items: plan.map { DocumentItem(words.planLine($0)) }, numbered: true)
/// ```
package struct DocumentList: Sendable, Equatable {
    package var items: [DocumentItem]
    /// Numbered from 1, as in a plan of support.
    package var numbered: Bool

    package init(items: [DocumentItem], numbered: Bool = false) {
        self.items = items
        self.numbered = numbered
    }
}

/// One item of a list or of a list answer: its line, then details set in under it (the
/// fields of a person who helps, of an outcome).
///
/// ```swift
/// DocumentItem(.inserted("Iain — son"), details: ["Does now: the shopping"])
/// ```
package struct DocumentItem: Sendable, Equatable {
    package var text: DocumentText
    package var details: [DocumentText]

    package init(_ text: DocumentText, details: [DocumentText] = []) {
        self.text = text
        self.details = details
    }
}
