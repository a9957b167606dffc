import BletherCore

/// A multi-line editor for answers in the person's own words: word-wrapped, moving by
/// character, word and line, handling wide characters and combining marks by the cells
/// they take.
///
/// ```swift
/// var editor = TextEditor(text: "Seeing my grandchildren")
/// editor.handle(.enter)           // a new line
/// let caret = editor.draw(into: &grid, row: 6, column: 30, width: 48, height: 5, style: CellStyle(.field))
/// ```
package struct TextEditor: Sendable, Equatable {
    package private(set) var characters: [Character]
    package private(set) var caret: Int
    /// The wrap width last drawn at, so Up and Down move by drawn lines.
    package var wrapWidth: Int
    /// The column Up and Down try to keep.
    private var preferredColumn: Int?
    /// First drawn line shown.
    private var scroll = 0

    package init(text: String = "", wrapWidth: Int = 40) {
        characters = Array(text)
        caret = characters.count
        self.wrapWidth = wrapWidth
    }

    package var text: String { String(characters) }

    private var lines: [TextLayout.Line] { TextLayout.wrap(characters, width: wrapWidth) }

    /// The drawn line and column (in cells) of the caret.
    func caretPosition(in lines: [TextLayout.Line]) -> (line: Int, column: Int) {
        for (index, line) in lines.enumerated().reversed() where caret >= line.start {
            let end = min(caret, line.start + line.text.count)
            return (index, TextWidth.of(String(characters[line.start..<end])))
        }
        return (0, 0)
    }

    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        let vertical = key == .up || key == .down
        defer { if !vertical { preferredColumn = nil } }
        if CaretEditing.apply(key, to: &characters, caret: &caret) { return true }
        switch key {
        case .enter, .character("\n"):
            characters.insert("\n", at: caret)
            caret += 1
        case .home, .control("a"):
            let lines = self.lines
            caret = lines[caretPosition(in: lines).line].start
        case .end, .control("e"):
            let lines = self.lines
            let line = lines[caretPosition(in: lines).line]
            caret = line.start + line.text.count
        case .up, .down:
            let lines = self.lines
            let position = caretPosition(in: lines)
            let target = position.line + (key == .up ? -1 : 1)
            guard lines.indices.contains(target) else {
                caret = key == .up ? 0 : characters.count
                return true
            }
            let column = preferredColumn ?? position.column
            preferredColumn = column
            caret = offset(in: lines[target], atColumn: column)
        default:
            return false
        }
        return true
    }

    private func offset(in line: TextLayout.Line, atColumn column: Int) -> Int {
        var used = 0
        var index = line.start
        for character in line.text {
            let cells = TextWidth.of(character)
            if used + cells > column { break }
            used += cells
            index += 1
        }
        return index
    }

    /// Draws `height` lines, scrolled to keep the caret in view, in the order the saved answer
    /// is shown; returns the caret's cell.
    @discardableResult
    package mutating func draw(into grid: inout CellGrid, row: Int, column: Int, width: Int, height: Int, style: CellStyle) -> GridPoint {
        wrapWidth = max(width - 1, 1)
        let lines = self.lines
        let position = caretPosition(in: lines)
        if position.line < scroll { scroll = position.line }
        if position.line >= scroll + height { scroll = position.line - height + 1 }
        scroll = max(0, min(scroll, max(lines.count - height, 0)))
        let direction = BidiLine.direction(of: characters)
        var caret = GridPoint(row: row + position.line - scroll, column: column)
        for offset in 0..<height {
            grid.fill(row: row + offset, from: column, to: column + width, style: style)
            let index = scroll + offset
            guard lines.indices.contains(index) else { continue }
            let line = lines[index]
            let shown = characters[line.start..<min(line.start + line.text.count, characters.count)]
            let point = EditorLine.draw(shown, caret: self.caret - line.start, direction: direction,
                                        into: &grid, row: row + offset, column: column, width: width, style: style)
            if index == position.line { caret = point }
        }
        return caret
    }
}
