import BletherCore

/// A ``Document`` laid out for the full screen: each line wrapped to the width by display
/// cells with its indent kept, so steps and answers stay under their headings, and every
/// heading marked as one from the document's structure, so it can be drawn in bold.
///
/// ```swift
/// for line in DocumentView.lines(document, width: 76) { grid.write(line.text, …, style: CellStyle(.normal, bold: line.isHeading)) }
/// ```
enum DocumentView {
    /// One drawn line and whether it is (part of) a heading.
    struct Line: Sendable, Equatable {
        let text: String
        let isHeading: Bool
    }

    static func lines(_ document: Document, width: Int) -> [Line] {
        var lines: [Line] = []
        for (index, section) in document.sections.enumerated() {
            if index > 0 { lines.append(Line(text: "", isHeading: false)) }
            if let heading = section.heading {
                lines += wrapped(BidiLine.drawn(heading.text), indent: 0, width: width).map { Line(text: $0, isHeading: true) }
            }
            for line in section.blocks.flatMap(DocumentPlainText.indentedLines(of:)) {
                lines += wrapped(BidiLine.drawn(line.runs), indent: line.indent, width: width).map { Line(text: $0, isHeading: false) }
            }
        }
        return lines
    }

    /// A line wrapped below its indent, every wrapped line keeping it (and any spaces the
    /// line's own words begin with, as in a text kept exactly as it was signed).
    private static func wrapped(_ text: String, indent: Int, width: Int) -> [String] {
        text.components(separatedBy: "\n").flatMap { part -> [String] in
            let spaces = String(repeating: " ", count: indent) + String(part.prefix { $0 == " " })
            return TextLayout.lines(String(part.drop { $0 == " " }), width: max(width - spaces.count, 10)).map { spaces + $0 }
        }
    }
}
