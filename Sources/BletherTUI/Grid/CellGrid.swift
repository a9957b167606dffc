/// A screen as data: rows of cells, each holding one character and its display width,
/// and where the terminal's cursor should rest. Screens draw into a grid; the terminal
/// driver only copies what changed; tests read it as text.
///
/// ```swift
/// var grid = CellGrid(columns: 80, rows: 24, direction: LayoutDirection(catalog))
/// grid.write("Section 4 of 15", row: 1, column: 0, style: CellStyle(.heading))
/// grid.cursor = GridPoint(row: 5, column: 12)
/// print(grid.text)
/// ```
package struct CellGrid: Sendable, Equatable {
    package let columns: Int
    package let rows: Int
    package private(set) var cells: [Cell]
    /// Where the hardware cursor rests: the focused field's caret, or the selected item, in
    /// logical columns like everything screens write (``screenCursor`` is where it shows).
    package var cursor: GridPoint?
    /// Which way rows run: a right-to-left language's screens are mirrored, each logical
    /// column drawn at ``LayoutDirection/screenColumn(_:columns:)``, and lines are
    /// reordered with the language's paragraph direction.
    package var direction: LayoutDirection
    /// Whether every drawing character and punctuation mark is written as ASCII (``ASCIIDrawing``).
    package var asciiOnly = false
    /// Where a click means something, as the screen was laid out (``HitTarget``), in logical columns.
    package internal(set) var hitRegions: [HitRegion] = []

    package init(columns: Int, rows: Int, direction: LayoutDirection = .leftToRight) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        self.direction = direction
        cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    /// The cell at a screen column (not a logical one).
    package subscript(row: Int, column: Int) -> Cell {
        cells[row * columns + column]
    }

    /// The cursor's place on the screen: ``cursor`` mirrored in a right-to-left layout.
    package var screenCursor: GridPoint? {
        cursor.map { GridPoint(row: $0.row, column: min(max(direction.screenColumn($0.column, columns: columns), 0), max(columns - 1, 0))) }
    }

    /// The logical column of cell `cell` (counted from the left edge of what was drawn) of a
    /// line `drawnWidth` cells wide drawn at logical `column`: how an editor finds its caret.
    package func column(ofDrawnCell cell: Int, drawnAt column: Int, drawnWidth: Int) -> Int {
        direction.isRightToLeft ? column + drawnWidth - 1 - cell : column + cell
    }

    /// Writes text from logical `column` on `row`, stopping at `limit` (exclusive; default the
    /// row's end); in a right-to-left layout it ends at the mirrored column and reads from the
    /// right. The text is reordered by ``BidiLine`` with the layout's paragraph direction; the
    /// logical end is what a short `limit` cuts, and a wide character that would straddle it
    /// leaves a space. Returns the logical column after the last cell written.
    @discardableResult
    package mutating func write(_ text: String, row: Int, column: Int, style: CellStyle = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows else { return column }
        let start = max(column, 0)
        let end = min(limit ?? columns, columns)
        let shown = asciiOnly ? ASCIIDrawing.text(text) : text
        return draw(BidiLine(shown, paragraph: direction, limit: max(end - start, 0)), row: row, column: start, style: style, limit: end)
    }

    /// Draws a line already laid out (an editor's, whose caret it then finds) from logical
    /// `column`; returns the logical column after it, or `limit` when it was cut.
    @discardableResult
    package mutating func draw(_ line: BidiLine, row: Int, column: Int, style: CellStyle = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < rows else { return column }
        let end = min(limit ?? columns, columns)
        let left = direction.screenStart(column, width: line.width, columns: columns)
        var x = left
        for glyph in line.glyphs {
            // An editor's line is laid out before it is drawn: in ASCII mode a mark the table
            // gives one character for is drawn as it (marks of more are mapped as text is written).
            let character = asciiOnly ? ASCIIDrawing.single(glyph.character) : glyph.character
            if glyph.width == 0 {
                // A lone combining mark joins the cell before it.
                if x > left, x - 1 < columns { cells[row * columns + x - 1].text.append(character) }
                continue
            }
            if x >= 0, x + glyph.width <= columns {
                set(row: row, column: x, Cell(text: String(character), width: UInt8(glyph.width), style: style))
                if glyph.width == 2 { set(row: row, column: x + 1, Cell(text: "", width: 0, style: style)) }
            }
            x += glyph.width
        }
        guard line.isCut else { return column + line.width }
        if column + line.width < end {
            set(row: row, column: direction.screenColumn(column + line.width, columns: columns), Cell(text: " ", width: 1, style: style))
        }
        return end
    }

    /// Paints logical cells from `column` up to `limit` with spaces in `style`.
    package mutating func fill(row: Int, from column: Int = 0, to limit: Int? = nil, style: CellStyle) {
        guard row >= 0, row < rows else { return }
        let start = max(column, 0), end = min(limit ?? columns, columns)
        guard start < end else { return }
        let left = direction.screenStart(start, width: end - start, columns: columns)
        for x in left..<(left + end - start) {
            set(row: row, column: x, Cell(text: " ", width: 1, style: style))
        }
    }

    /// Copies `count` rows of `other`, from its row `from`, to this grid at `row`, `column`:
    /// a tall widget drawn whole, then shown through a window.
    /// `other` is drawn in this grid's direction; it lands at logical `column`.
    package mutating func paste(_ other: CellGrid, from: Int, count: Int, row: Int, column: Int) {
        let left = direction.screenStart(column, width: other.columns, columns: columns)
        for offset in 0..<count where from + offset < other.rows && row + offset >= 0 && row + offset < rows {
            for x in 0..<other.columns where left + x >= 0 && left + x < columns {
                cells[(row + offset) * columns + left + x] = other[from + offset, x]
            }
        }
    }

    private mutating func set(row: Int, column: Int, _ cell: Cell) {
        let index = row * columns + column
        // Overwriting half of a wide character blanks its other half.
        if cells[index].width == 2, column + 1 < columns { cells[index + 1] = .blank }
        if cells[index].width == 0, cells[index].text.isEmpty, column > 0, cells[index - 1].width == 2 { cells[index - 1] = .blank }
        cells[index] = cell
    }

    /// The screen as lines of text, trailing spaces removed: what a snapshot test compares.
    package var text: String {
        (0..<rows).map(line(_:)).joined(separator: "\n")
    }

    package func line(_ row: Int) -> String {
        var line = ""
        for column in 0..<columns {
            let cell = self[row, column]
            if cell.width == 0 && cell.text.isEmpty { continue }
            line += cell.text
        }
        while line.last == " " { line.removeLast() }
        return line
    }
}

/// One cell of a ``CellGrid``.
package struct Cell: Sendable, Equatable {
    /// One character (with any combining marks), or empty for the right half of a wide character.
    package var text: String
    /// 1, 2 for a wide character, 0 for the right half of one.
    package var width: UInt8
    package var style: CellStyle

    package static let blank = Cell(text: " ", width: 1, style: .normal)
}

/// A position on the grid.
package struct GridPoint: Sendable, Equatable {
    package var row: Int
    package var column: Int

    package init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
