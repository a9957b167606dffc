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

    /// Draws the field, scrolled so the caret shows; returns where the caret is drawn.
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
        var visible = ""
        var used = 0
        for character in characters[start...] {
            let cells = TextWidth.of(character)
            if used + cells > width { break }
            visible.append(character)
            used += cells
        }
        grid.write(visible, row: row, column: column, style: style, limit: column + width, logicalOrder: true)
        return GridPoint(row: row, column: column + beforeCaret)
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
        var caretPoint = GridPoint(row: row, column: column)
        for (index, line) in lines.enumerated() {
            grid.fill(row: row + index, from: column, to: column + width, style: style)
            grid.write(line.text, row: row + index, column: column, style: style, limit: column + width, logicalOrder: true)
        }
        for (index, line) in lines.enumerated().reversed() where caret >= line.start {
            let end = min(caret, line.start + line.text.count)
            caretPoint = GridPoint(row: row + index, column: column + TextWidth.of(String(characters[line.start..<end])))
            break
        }
        return (lines.count, caretPoint)
    }
}

/// The editing every text field shares: typing, deleting, and moving by character and word.
enum CaretEditing {
    /// Applies `key` if it is one of the shared edits; returns whether it was.
    static func apply(_ key: Key, to characters: inout [Character], caret: inout Int) -> Bool {
        switch key {
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
