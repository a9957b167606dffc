/// A ``Document`` as text for printing or reading aloud, wrapped at a width in display
/// columns (``TextWidth``: a Chinese character takes two, a combining accent none): headings
/// of the top levels wrapped and underlined with `=` as wide as they are, lower headings and
/// every other line wrapped with its indent kept, a blank line after each section. The
/// person's text copy is this at 72 columns.
///
/// What a person gave (a name, an answer) is kept apart from the words around it with Unicode
/// isolates (U+2068 … U+2069) wherever directions could mix — a field holding right-to-left
/// letters or a control, and every field in a right-to-left copy — so its punctuation stays
/// with its own sentence. An isolate wrapped over lines is closed at the end of each line and
/// opened again on the next, as a line break ends every isolate. Isolates take no width.
/// An easy-read idea keeps its words hanging beside the place for its picture.
///
/// ```swift
/// let copy = DocumentWrappedText(document, width: 72).text
/// let urdu = DocumentWrappedText(document, width: 72, rightToLeft: true).text
/// ```
package struct DocumentWrappedText: Sendable {
    package let document: Document
    package let width: Int
    /// Headings of this level and above (1 the top) are underlined; the rest read as lines.
    package let underlinedLevels: Int
    /// The copy's own words run right to left: every field from a person is isolated.
    package let rightToLeft: Bool

    package init(_ document: Document, width: Int, underlinedLevels: Int = 2, rightToLeft: Bool = false) {
        self.document = document
        self.width = width
        self.underlinedLevels = underlinedLevels
        self.rightToLeft = rightToLeft
    }

    package var text: String {
        var lines: [String] = []
        for section in document.sections {
            var body: [DocumentPlainText.Line] = []
            if let heading = section.heading {
                if heading.level <= underlinedLevels {
                    // The underline is as wide as the heading's widest line, in columns.
                    let wrapped = DocumentWrappedText.wrapCells(isolated(heading.text), width: width)
                    lines += wrapped.map(DocumentWrappedText.shown)
                    lines.append(String(repeating: "=", count: wrapped.map(DocumentWrappedText.columns).max() ?? 0))
                } else {
                    body.append(DocumentPlainText.Line(0, heading.text))
                }
            }
            for block in section.blocks {
                guard case .pictured(let picture, let idea) = block else {
                    body += DocumentPlainText.indentedLines(of: block)
                    continue
                }
                // An easy-read idea: the place for its picture, then its words hanging beside it.
                lines += wrapLines(body)
                body = []
                let place = picture.shown + " "
                let hanging = String(repeating: " ", count: TextWidth.of(place))
                for (index, part) in DocumentWrappedText.wrapCells(isolated(idea), width: width - TextWidth.of(place)).enumerated() {
                    lines.append((index == 0 ? place : hanging) + DocumentWrappedText.shown(part))
                }
            }
            lines += wrapLines(body)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Lines of a section wrapped, each with its indent.
    private func wrapLines(_ body: [DocumentPlainText.Line]) -> [String] {
        var lines: [String] = []
        for line in body {
            for part in line.runs.lines {
                var cells = isolated(part)
                // Spaces a line's own words begin with (a text kept as it was signed) set it in further.
                let leading = cells.prefix { $0.character == " " }.count
                let indent = String(repeating: " ", count: line.indent + leading)
                cells.removeFirst(leading)
                if cells.isEmpty { lines.append(""); continue }
                lines += DocumentWrappedText.wrapCells(cells, width: width - indent.count).map { indent + DocumentWrappedText.shown($0) }
            }
        }
        return lines
    }

    /// One character of a line, and which isolated field it belongs to (`nil`: the program's words).
    struct Cell: Equatable {
        let character: Character
        let field: Int?
        /// The display columns it takes (``TextWidth``); the isolates added around a field take none.
        var columns: Int { TextWidth.of(character) }
    }

    /// The display columns a line's cells take.
    static func columns(_ cells: some Collection<Cell>) -> Int { cells.reduce(0) { $0 + $1.columns } }

    /// A line's characters, each field that needs an isolate numbered (its controls shown by name).
    private func isolated(_ text: DocumentText) -> [Cell] {
        var cells: [Cell] = []
        for (index, run) in text.runs.enumerated() {
            switch run {
            case .inserted(let field) where BidiIsolation.needsIsolating(field, amidRightToLeft: rightToLeft):
                cells += BidiIsolation.visible(field).map { Cell(character: $0, field: index) }
            case .inserted(let words), .words(let words), .emphasised(let words):
                cells += words.map { Cell(character: $0, field: nil) }
            }
        }
        return cells
    }

    /// A wrapped line as text: each stretch of a field between U+2068 and U+2069.
    static func shown(_ cells: some Collection<Cell>) -> String {
        var text = ""
        var open: Int?
        for cell in cells {
            if cell.field != open {
                if open != nil { text.unicodeScalars.append(BidiIsolation.popDirectionalIsolate) }
                if cell.field != nil { text.unicodeScalars.append(BidiIsolation.firstStrongIsolate) }
                open = cell.field
            }
            text.append(cell.character)
        }
        if open != nil { text.unicodeScalars.append(BidiIsolation.popDirectionalIsolate) }
        return text
    }

    /// Greedy word wrap by display columns (a Chinese character takes two); a word longer
    /// than a line (a web address, a sentence of Chinese, which has no spaces) is broken
    /// across lines between characters.
    ///
    /// ```swift
    /// DocumentWrappedText.wrap("a b c", width: 3)   // ["a b", "c"]
    /// DocumentWrappedText.wrap("我的家很好", width: 6)   // ["我的家", "很好"]
    /// ```
    package static func wrap(_ text: String, width: Int) -> [String] {
        wrapCells(text.map { Cell(character: $0, field: nil) }, width: width).map { String($0.map(\.character)) }
    }

    /// ``wrap(_:width:)`` over a line's cells, so each keeps the field it belongs to (a space
    /// inside a field stays in it, so a field on one line is one isolate).
    static func wrapCells(_ cells: [Cell], width: Int) -> [[Cell]] {
        let width = max(width, 1)
        // The words, each with the space before it (none before the first).
        var words: [(space: Cell?, word: [Cell])] = [(nil, [])]
        for cell in cells {
            if cell.character == " " { words.append((cell, [])) } else { words[words.count - 1].word.append(cell) }
        }
        var lines: [[Cell]] = []
        var current: [Cell] = []
        var used = 0
        for (space, whole) in words {
            var word = ArraySlice(whole)
            var wordColumns = columns(word)
            if !current.isEmpty, let space, used + space.columns + wordColumns <= width {
                current.append(space)
                current += word
                used += space.columns + wordColumns
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while wordColumns > width {
                // As many characters as fit (at least one, so a line always moves on).
                var fit = 0
                var taken = 0
                for cell in word {
                    guard taken + cell.columns <= width || fit == 0 else { break }
                    taken += cell.columns
                    fit += 1
                }
                lines.append(Array(word.prefix(fit)))
                word = word.dropFirst(fit)
                wordColumns -= taken
            }
            current = Array(word)
            used = wordColumns
        }
        lines.append(current)
        return lines
    }
}
