/// A screen as data: rows of cells, each holding one character and its display width,
/// and where the terminal's cursor should rest. Screens draw into a grid; the terminal
/// driver only copies what changed; tests read it as text.
///
/// ```swift
/// var grid = CellGrid(columns: 80, rows: 24)
/// grid.write("Section 4 of 15", row: 1, column: 0, style: CellStyle(.heading))
/// grid.cursor = GridPoint(row: 5, column: 12)
/// print(grid.text)
/// ```
package struct CellGrid: Sendable, Equatable {
    package let columns: Int
    package let rows: Int
    package private(set) var cells: [Cell]
    /// Where the hardware cursor rests: the focused field's caret, or the selected item.
    package var cursor: GridPoint?
    /// Whether lines are laid out right to left (the catalog's direction); text is
    /// reordered for display as it is written.
    package var rightToLeft = false
    /// Whether every drawing character and punctuation mark is written as ASCII (``ASCIIDrawing``).
    package var asciiOnly = false
    /// Where a click means something, as the screen was laid out (``HitTarget``).
    package internal(set) var hitRegions: [HitRegion] = []

    package init(columns: Int, rows: Int) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    package subscript(row: Int, column: Int) -> Cell {
        cells[row * columns + column]
    }

    /// Writes text from `column` on `row`, stopping at `limit` (exclusive; default the row's
    /// end). A wide character that would straddle the limit is replaced by a space.
    /// Right-to-left text is put into display order first, unless `logicalOrder` is set
    /// (editors keep logical order so their caret stays where the character is).
    /// Returns the column after the last cell written.
    @discardableResult
    package mutating func write(_ text: String, row: Int, column: Int, style: CellStyle = .normal, limit: Int? = nil, logicalOrder: Bool = false) -> Int {
        guard row >= 0, row < rows else { return column }
        let end = min(limit ?? columns, columns)
        var x = max(column, 0)
        // A bidi control from a person's text is shown as �, before reordering: it can never
        // turn round the rest of the row, nor reach the terminal.
        let safe = TextWidth.withoutBidiControls(text)
        let ordered = logicalOrder ? safe : BidiLine.visual(safe, rightToLeft: rightToLeft)
        let shown = asciiOnly ? ASCIIDrawing.text(String(ordered.map(TextWidth.displayable))) : ordered
        for raw in shown {
            let character = raw == "\n" || raw == "\t" ? " " : TextWidth.displayable(raw)
            let width = TextWidth.of(character)
            if width == 0 {
                // A lone combining mark joins the previous cell.
                if x > 0 { cells[row * columns + x - 1].text.append(character) }
                continue
            }
            if x + width > end {
                if x < end { set(row: row, column: x, Cell(text: " ", width: 1, style: style)) }
                return end
            }
            set(row: row, column: x, Cell(text: String(character), width: UInt8(width), style: style))
            if width == 2 { set(row: row, column: x + 1, Cell(text: "", width: 0, style: style)) }
            x += width
        }
        return x
    }

    /// Paints cells from `column` up to `limit` with spaces in `style`.
    package mutating func fill(row: Int, from column: Int = 0, to limit: Int? = nil, style: CellStyle) {
        guard row >= 0, row < rows else { return }
        for x in max(column, 0)..<min(limit ?? columns, columns) {
            set(row: row, column: x, Cell(text: " ", width: 1, style: style))
        }
    }

    /// Copies `count` rows of `other`, from its row `from`, to this grid at `row`, `column`:
    /// a tall widget drawn whole, then shown through a window.
    package mutating func paste(_ other: CellGrid, from: Int, count: Int, row: Int, column: Int) {
        for offset in 0..<count where from + offset < other.rows && row + offset >= 0 && row + offset < rows {
            for x in 0..<other.columns where column + x < columns {
                cells[(row + offset) * columns + column + x] = other[from + offset, x]
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
