/// A part of a ``Document`` that a page never splits: a heading, a paragraph, one item of a
/// list with its details, an answer with whose words they were, an entry with what is said
/// of it — or the blank line between two sections. Both faces page a document by these, so
/// a paragraph is read whole on one page however the page is sized.
///
/// ```swift
/// let pieces = DocumentPiece.pieces(of: document)
/// let printed = pieces.flatMap(\.lines).map(\.printed)   // DocumentPlainText(document).lines, in the same order
/// ```
package struct DocumentPiece: Sendable, Equatable {
    package enum Role: Sendable, Equatable {
        /// A section's heading: kept on the same page as what follows it.
        case heading
        /// Words read together.
        case text
        /// The blank line between sections: never at the top of a page.
        case gap
    }

    package let role: Role
    /// Its lines, each with its indent, as ``DocumentPlainText`` prints them (a gap has one empty line).
    package let lines: [DocumentPlainText.Line]

    package init(role: Role, lines: [DocumentPlainText.Line]) {
        self.role = role
        self.lines = lines
    }

    /// The document's pieces in reading order: its plain text's lines, grouped.
    package static func pieces(of document: Document) -> [DocumentPiece] {
        var pieces: [DocumentPiece] = []
        for (index, section) in document.sections.enumerated() {
            if index > 0 { pieces.append(DocumentPiece(role: .gap, lines: [DocumentPlainText.Line(0, DocumentText(""))])) }
            if let heading = section.heading { pieces.append(DocumentPiece(role: .heading, lines: [DocumentPlainText.Line(0, heading.text)])) }
            for block in section.blocks {
                if case .list(let list) = block {
                    // Each item of a list is read whole; a long list may turn the page between items.
                    let lines = DocumentPlainText.indentedLines(of: block)
                    var start = 0
                    for item in list.items {
                        let count = 1 + item.details.count
                        pieces.append(DocumentPiece(role: .text, lines: Array(lines[start..<(start + count)])))
                        start += count
                    }
                } else {
                    pieces.append(DocumentPiece(role: .text, lines: DocumentPlainText.indentedLines(of: block)))
                }
            }
        }
        return pieces
    }
}
