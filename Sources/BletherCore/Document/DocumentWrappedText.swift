/// A ``Document`` as text for printing or reading aloud, wrapped at a width by characters:
/// headings of the top levels underlined with `=`, lower headings and every other line
/// wrapped with its indent kept, a blank line after each section. The person's text copy
/// is this at 72 columns.
///
/// ```swift
/// let copy = DocumentWrappedText(document, width: 72).text
/// ```
package struct DocumentWrappedText: Sendable {
    package let document: Document
    package let width: Int
    /// Headings of this level and above (1 the top) are underlined; the rest read as lines.
    package let underlinedLevels: Int

    package init(_ document: Document, width: Int, underlinedLevels: Int = 2) {
        self.document = document
        self.width = width
        self.underlinedLevels = underlinedLevels
    }

    package var text: String {
        var lines: [String] = []
        for section in document.sections {
            var body: [DocumentPlainText.Line] = []
            if let heading = section.heading {
                if heading.level <= underlinedLevels {
                    lines.append(heading.text.plain)
                    lines.append(String(repeating: "=", count: min(heading.text.plain.count, width)))
                } else {
                    body.append(DocumentPlainText.Line(0, heading.text))
                }
            }
            body += section.blocks.flatMap(DocumentPlainText.indentedLines(of:))
            for line in body {
                for part in line.text.components(separatedBy: "\n") {
                    // Spaces a line's own words begin with (a text kept as it was signed) set it in further.
                    let indent = String(repeating: " ", count: line.indent) + String(part.prefix { $0 == " " })
                    let words = String(part.drop { $0 == " " })
                    if words.isEmpty { lines.append(""); continue }
                    lines += DocumentWrappedText.wrap(words, width: width - indent.count).map { indent + $0 }
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Greedy word wrap by characters (copies are read aloud and printed, not drawn in cells);
    /// a word longer than a line (a web address, say) is broken across lines.
    ///
    /// ```swift
    /// DocumentWrappedText.wrap("a b c", width: 3)   // ["a b", "c"]
    /// ```
    package static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            if !current.isEmpty && current.count + 1 + word.count <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            current = String(word)
        }
        lines.append(current)
        return lines
    }
}
