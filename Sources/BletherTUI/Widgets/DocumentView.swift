import BletherCore

/// A ``Document`` laid out for the full screen: each line wrapped to the width by display
/// cells with its indent kept, so steps and answers stay under their headings, and every
/// heading marked as one from the document's structure, so it can be drawn in bold. Laid out
/// piece by piece (``DocumentPiece``), so a screen that pages it can keep each piece whole.
///
/// ```swift
/// for line in DocumentView.lines(document, width: 76) { grid.write(line.text, …, style: CellStyle(.normal, bold: line.isHeading)) }
/// let pieces = DocumentView.pieces(document, width: 76)   // for DocumentPages
/// ```
enum DocumentView {
    /// One drawn line and whether it is (part of) a heading.
    struct Line: Sendable, Equatable {
        let text: String
        let isHeading: Bool
    }

    /// One piece of the document, laid out: its role and its drawn lines.
    struct Piece: Sendable, Equatable {
        let role: DocumentPiece.Role
        let lines: [Line]
    }

    static func lines(_ document: Document, width: Int) -> [Line] {
        pieces(document, width: width).flatMap(\.lines)
    }

    static func pieces(_ document: Document, width: Int) -> [Piece] {
        DocumentPiece.pieces(of: document).map { piece in
            let isHeading = piece.role == .heading
            let lines = piece.lines.flatMap { line -> [Line] in
                if piece.role == .gap { return [Line(text: "", isHeading: false)] }
                return wrapped(BidiLine.drawn(line.runs), indent: line.indent, width: width).map { Line(text: $0, isHeading: isHeading) }
            }
            return Piece(role: piece.role, lines: lines)
        }
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
