/// A ``Document`` as plain text: headings and paragraphs at the margin, list items and
/// questions set in two spaces, answers and details four (details of an answer's items six),
/// a blank line after every section but the last. This is the text a person is read and
/// whose SHA-256 is recorded when they agree, so it must never change for a document that
/// has not changed: records already signed are checked against it.
///
/// ```swift
/// let text = DocumentPlainText(document).text
/// let lines = DocumentPlainText(document).lines
/// ```
package struct DocumentPlainText: Sendable {
    package let document: Document

    package init(_ document: Document) { self.document = document }

    package var text: String { lines.joined(separator: "\n") }

    /// The text's lines (a line may hold a line break a catalog entry put there).
    package var lines: [String] {
        var lines: [String] = []
        for section in document.sections {
            if let heading = section.heading { lines.append(heading.text.plain) }
            for block in section.blocks { lines += DocumentPlainText.lines(of: block) }
            lines.append("")
        }
        return Array(lines.dropLast())
    }

    /// One line of a block as plain text: how many spaces it is set in, and its words.
    package struct Line: Sendable, Equatable {
        package let indent: Int
        package let text: String
        /// The same words with what a person gave kept apart, for a renderer that isolates it.
        package let runs: DocumentText

        init(_ indent: Int, _ text: DocumentText) {
            self.indent = indent
            self.text = text.plain
            runs = text
        }

        /// The line as printed: its indent, then its words.
        package var printed: String { String(repeating: " ", count: indent) + text }
    }

    /// A block's lines as printed, each with its indent.
    package static func lines(of block: DocumentBlock) -> [String] { indentedLines(of: block).map(\.printed) }

    /// A block's lines with how far each is set in: list items and questions 2, answers and
    /// details 4, details of an answer's items 6; an easy-read idea at the margin after the
    /// place for its picture.
    package static func indentedLines(of block: DocumentBlock) -> [Line] {
        switch block {
        case .paragraph(let text):
            return [Line(0, text)]
        case .list(let list):
            return list.items.enumerated().flatMap { index, item in
                let number = DocumentText(list.numbered ? "\(index + 1). " : "")
                return [Line(2, number + item.text)] + item.details.map { Line(4, $0) }
            }
        case .answer(let answer):
            var lines = [Line(2, answer.question)]
            switch answer.body {
            case .text(let body): lines += body.map { Line(4, $0) }
            case .items(let items): lines += items.flatMap { [Line(4, $0.text)] + $0.details.map { Line(6, $0) } }
            }
            if let by = answer.by { lines.append(Line(4, by)) }
            return lines
        case .entry(let entry):
            return [Line(2, entry.term)] + entry.descriptions.map { Line(4, $0) }
        case .pictured(let place, let text):
            // The place for the picture, then the idea: "[picture: money] Your budget is …".
            return [Line(0, DocumentText(place.shown + " ") + text)]
        }
    }
}
