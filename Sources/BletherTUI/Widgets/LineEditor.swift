import BletherCore

/// A one-line text field: names, numbers, money, dates, "something else".
///
/// ```swift
/// var field = LineEditor(text: "12.50")
/// field.handle(.backspace)
/// let caret = field.draw(into: &grid, row: 5, column: 10, width: 30, style: CellStyle(.field))
/// ```
package struct LineEditor: Sendable, Equatable {
    package private(set) var characters: [Character]
    package private(set) var caret: Int

    package init(text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    package var text: String { String(characters) }

    /// Applies an editing key; returns false for keys it does not use.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        if CaretEditing.apply(key, to: &characters, caret: &caret) { return true }
        switch key {
        case .home, .control("a"): caret = 0
        case .end, .control("e"): caret = characters.count
        case .control("u"):
            characters.removeSubrange(0..<caret)
            caret = 0
        default:
            return false
        }
        return true
    }

    /// Draws the field, scrolled so the caret shows, in the order its saved answer is shown;
    /// returns where the caret is drawn.
    @discardableResult
    package func draw(into grid: inout CellGrid, row: Int, column: Int, width: Int, style: CellStyle) -> GridPoint {
        grid.fill(row: row, from: column, to: column + width, style: style)
        // Scroll back from the caret as far as fits, keeping one cell for the caret itself.
        var start = caret
        var beforeCaret = 0
        while start > 0 {
            let cells = TextWidth.of(characters[start - 1])
            if beforeCaret + cells > max(width - 1, 0) { break }
            beforeCaret += cells
            start -= 1
        }
        var end = start
        var used = 0
        while end < characters.count {
            let cells = TextWidth.of(characters[end])
            if used + cells > width { break }
            used += cells
            end += 1
        }
        return EditorLine.draw(characters[start..<end], caret: caret - start, direction: BidiLine.direction(of: characters),
                               into: &grid, row: row, column: column, width: width, style: style)
    }
}

extension LineEditor {
    /// The field's words wrapped at `width`, leaving a cell at each line's end for the caret.
    private func wrapped(width: Int) -> [TextLayout.Line] {
        TextLayout.wrap(characters.map { $0 == "\n" ? " " : $0 }, width: max(width - 1, 1))
    }

    /// The rows ``drawWrapped(into:row:column:width:style:)`` takes at `width`: one for each wrapped line.
    package func wrappedRows(width: Int) -> Int {
        wrapped(width: width).count
    }

    /// Draws the field on as many rows as its words need, so a sentence is read whole from its
    /// start; returns the rows used and where the caret is drawn.
    @discardableResult
    package func drawWrapped(into grid: inout CellGrid, row: Int, column: Int, width: Int, style: CellStyle) -> (rows: Int, caret: GridPoint) {
        let lines = wrapped(width: width)
        let direction = BidiLine.direction(of: characters)
        // The caret is on the last line that starts at or before it.
        let caretLine = lines.indices.last { caret >= lines[$0].start } ?? 0
        var caretPoint = GridPoint(row: row, column: column)
        for (index, line) in lines.enumerated() {
            grid.fill(row: row + index, from: column, to: column + width, style: style)
            let shown = characters[line.start..<min(line.start + line.text.count, characters.count)]
            let point = EditorLine.draw(shown, caret: caret - line.start, direction: direction, into: &grid, row: row + index, column: column,
                                        width: width, style: style)
            if index == caretLine { caretPoint = point }
        }
        return (lines.count, caretPoint)
    }
}

/// The editing every text field shares: typing, deleting, and moving by character and word.
enum CaretEditing {
    /// Applies `key` if it is one of the shared edits; returns whether it was. In text that
    /// reads right to left (Urdu), Left moves on through the text and Right back, as they look.
    static func apply(_ key: Key, to characters: inout [Character], caret: inout Int) -> Bool {
        switch visual(key, in: characters) {
        case .character(let character) where character != "\n":
            characters.insert(character, at: caret)
            caret += 1
        case .backspace:
            guard caret > 0 else { return true }
            characters.remove(at: caret - 1)
            caret -= 1
        case .delete:
            guard caret < characters.count else { return true }
            characters.remove(at: caret)
        case .left: caret = max(caret - 1, 0)
        case .right: caret = min(caret + 1, characters.count)
        case .wordLeft: caret = previousWord(from: caret, in: characters)
        case .wordRight: caret = nextWord(from: caret, in: characters)
        default: return false
        }
        return true
    }

    /// The arrow key as the text reads: Left and Right swapped in right-to-left text.
    static func visual(_ key: Key, in characters: [Character]) -> Key {
        guard [.left, .right, .wordLeft, .wordRight].contains(key), BidiLine.direction(of: characters) == .rightToLeft else { return key }
        switch key {
        case .left: return .right
        case .right: return .left
        case .wordLeft: return .wordRight
        case .wordRight: return .wordLeft
        default: return key
        }
    }

    static func previousWord(from caret: Int, in characters: [Character]) -> Int {
        var index = caret
        while index > 0, !characters[index - 1].isLetterOrNumber { index -= 1 }
        while index > 0, characters[index - 1].isLetterOrNumber { index -= 1 }
        return index
    }

    static func nextWord(from caret: Int, in characters: [Character]) -> Int {
        var index = caret
        while index < characters.count, !characters[index].isLetterOrNumber { index += 1 }
        while index < characters.count, characters[index].isLetterOrNumber { index += 1 }
        return index
    }
}

extension Character {
    var isLetterOrNumber: Bool { isLetter || isNumber || self == "'" || self == "’" }
}
