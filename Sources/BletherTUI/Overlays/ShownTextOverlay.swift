import BletherCore

/// F7: the read-back summary, or how the budget was worked out, shown to the person in a box
/// that fills the screen, page by page. Which lines have been on screen is for the engine to
/// note; this only scrolls and draws.
///
/// ```swift
/// var shown = ShownTextOverlay(title: "Read back", document: summary.document)
/// if shown.handle(.pageDown, columns: 80, rows: 24) == .close { … }
/// ```
package struct ShownTextOverlay: Sendable, Equatable {
    package let title: String
    /// The text below the box's title.
    package let document: Document
    /// The first line shown.
    package private(set) var scroll = 0

    package init(title: String, document: Document) {
        self.title = title
        self.document = document
    }

    package enum Intent: Equatable { case stay, close }

    /// How the text falls into pages on a screen this size: its lines, and how many show at once.
    func page(columns: Int, rows: Int) -> (lines: Int, height: Int) {
        // As `render` lays it out: a box 4 narrower and 2 shorter than the screen, less its border
        // and margins (4 columns, 2 rows), and the closing key on its last line.
        let width = max(columns - 4 - 4, 1)
        let height = max(rows - 2 - 2 - 1, 1)
        return (DocumentView.lines(document, width: width).count, height)
    }

    /// The lines on screen now, of how many.
    package func window(columns: Int, rows: Int) -> (shown: Range<Int>, of: Int) {
        let page = page(columns: columns, rows: rows)
        return (scroll..<(scroll + page.height), page.lines)
    }

    package mutating func handle(_ key: Key, columns: Int, rows: Int) -> Intent {
        let page = page(columns: columns, rows: rows)
        let last = max(page.lines - page.height, 0)
        var moved = scroll
        switch key {
        case .down: moved = scroll + 1
        case .up: moved = scroll - 1
        case .pageDown, .character(" "): moved = scroll + page.height
        case .pageUp: moved = scroll - page.height
        case .home: moved = 0
        case .end: moved = last
        case .escape, .function(7), .enter: return .close
        default: break
        }
        scroll = min(max(moved, 0), last)
        return .stay
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let area = frame.box(title: title, width: grid.columns - 4, height: grid.rows - 2, into: &grid)
        let lines = DocumentView.lines(document, width: area.width)
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height - 1).enumerated() {
            grid.write(line.text, row: area.row + offset, column: area.column, style: CellStyle(.dialog, bold: line.isHeading),
                       limit: area.column + area.width)
        }
        grid.write(frame.catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog, bold: true))
        grid.cursor = GridPoint(row: area.row, column: area.column)
    }
}
