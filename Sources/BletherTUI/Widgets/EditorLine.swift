/// One line of an editor drawn the way its saved answer will be shown: the person's words
/// as one run in their own direction (that of the whole answer's first strong letter),
/// inside the layout's direction. So Urdu reads from the right while it is typed, and
/// nothing turns round when it is saved. The caret stays in logical order; the cursor is
/// shown on the cell where the next character typed there will appear.
///
/// ```swift
/// let caret = EditorLine.draw(characters[start..<end], caret: caret - start, direction: BidiLine.direction(of: characters),
///                             into: &grid, row: 5, column: 10, width: 30, style: CellStyle(.field))
/// ```
enum EditorLine {
    /// Draws `characters` from logical `column`, at most `width` cells; returns the caret's cell.
    static func draw(_ characters: ArraySlice<Character>, caret: Int, direction: LayoutDirection?, into grid: inout CellGrid,
                     row: Int, column: Int, width: Int, style: CellStyle) -> GridPoint {
        let line = BidiLine(BidiLine.personsWords(String(characters), direction: direction), paragraph: grid.direction, limit: width)
        grid.draw(line, row: row, column: column, style: style, limit: column + width)
        // Lay the line out again with a letter typed at the caret, in the direction of the text
        // beside it, and put the cursor where that letter lands.
        let caret = min(max(caret, 0), characters.count)
        let beside = line.glyphs.first { $0.index == caret - 1 } ?? line.glyphs.first { $0.index == caret }
        let typedRightToLeft = beside?.isRightToLeft ?? (direction ?? grid.direction).isRightToLeft
        var typed = Array(characters)
        typed.insert(typedRightToLeft ? "\u{628}" : "x", at: caret)
        let probe = BidiLine(BidiLine.personsWords(String(typed), direction: direction), paragraph: grid.direction)
        var cell = 0
        for glyph in probe.glyphs {
            if glyph.index == caret { break }
            cell += glyph.width
        }
        let drawn = grid.column(ofDrawnCell: cell, drawnAt: column, drawnWidth: probe.width)
        return GridPoint(row: row, column: min(max(drawn, column), column + max(width - 1, 0)))
    }
}
