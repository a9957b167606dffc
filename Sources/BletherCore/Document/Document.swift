/// A text shown to the person and kept in their record — the read-back summary, how the
/// budget was worked out — as structure, not as laid-out lines: headed sections of
/// paragraphs, lists and attributed answers. Each face renders it its own way (plain text
/// for the hash and the line mode in ``DocumentPlainText``, html for the person's copy, lines
/// for the full screen); nothing parses a rendering back into structure.
///
/// ```swift
/// let document = ReadBackSummary(session: session, words: words, person: "Morag").document
/// let text = DocumentPlainText(document).text   // what is hashed when the person agrees
/// ```
package struct Document: Sendable, Equatable {
    package var sections: [DocumentSection]

    package init(sections: [DocumentSection]) { self.sections = sections }

    /// The plain text, as the person is read it and as its hash is recorded.
    package var text: String { DocumentPlainText(self).text }
}
