import BletherCore

/// The parts every screen shares: a title line, rules, a message line and a key bar.
struct ScreenFrame {
    let catalog: Catalog
    let settings: DisplaySettings

    static let minimumColumns = 80
    static let minimumRows = 24

    var glyphs: Glyphs { settings.glyphs }

    /// Title on the left, `right` on the right, across the whole first row.
    func header(_ title: String, right: String, into grid: inout CellGrid) {
        let style = CellStyle(.title, bold: true)
        grid.fill(row: 0, style: style)
        let rightWidth = TextWidth.of(right)
        grid.write(" " + TextLayout.truncate(title, width: max(grid.columns - rightWidth - 4, 10), ascii: settings.asciiOnly),
                   row: 0, column: 0, style: style)
        grid.write(right + " ", row: 0, column: max(grid.columns - rightWidth - 1, 0), style: style)
    }

    func rule(row: Int, from column: Int = 0, to limit: Int? = nil, into grid: inout CellGrid) {
        let end = limit ?? grid.columns
        grid.write(String(repeating: glyphs.horizontal, count: max(end - column, 0)), row: row, column: column, style: CellStyle(.muted))
    }

    /// A problem or a note, said in words, on the second-last row; one too long for it takes
    /// the row above as well (drawn last, over the foot of the screen), so it is read whole.
    func message(_ message: ScreenMessage?, into grid: inout CellGrid) {
        let row = grid.rows - 2
        grid.fill(row: row, style: .normal)
        guard let message else { return }
        let text: String
        let style: CellStyle
        switch message {
        case .problem(let words):
            text = catalog.text(.tuiProblem, ["message": words])
            style = CellStyle(.problem, bold: true)
        case .note(let words):
            text = catalog.text(.tuiNote, ["message": words])
            style = CellStyle(.normal)
        }
        let lines = TextLayout.lines(text, width: grid.columns - 2)
        guard lines.count > 1 else {
            grid.write(" " + TextLayout.truncate(text, width: grid.columns - 2, ascii: settings.asciiOnly), row: row, column: 0, style: style)
            return
        }
        grid.fill(row: row - 1, style: .normal)
        grid.write(" " + lines[0], row: row - 1, column: 0, style: style)
        let rest = lines.dropFirst().joined(separator: " ")
        grid.write(" " + TextLayout.truncate(rest, width: grid.columns - 2, ascii: settings.asciiOnly), row: row, column: 0, style: style)
    }

    /// The keys that matter here, on the last row, as many as fit; F1 (all keys) always shows.
    /// An F-key is shown with its Ctrl key beside it (`F9/^F sign`), from ``KeyShortcut``: a
    /// catalog's `{f9}` is filled with both.
    func keyBar(_ keys: [UIText], into grid: inout CellGrid) {
        let row = grid.rows - 1
        let style = CellStyle(.keyBar)
        grid.fill(row: row, style: style)
        let help = catalog.text(.tuiKeyHelp, KeyShortcut.barNames)
        var parts: [String] = []
        var used = TextWidth.of(help) + 2
        for key in keys where key != .tuiKeyHelp {
            let text = catalog.text(key, KeyShortcut.barNames)
            if used + TextWidth.of(text) + 3 > grid.columns { break }
            parts.append(text)
            used += TextWidth.of(text) + 3
        }
        parts.append(help)
        grid.write(" " + parts.joined(separator: " · "), row: row, column: 0, style: style)
    }

    /// Draws a box with a title and returns the inner area (row, column, width, height).
    func box(title: String, width: Int, height: Int, into grid: inout CellGrid) -> (row: Int, column: Int, width: Int, height: Int) {
        let width = min(width, grid.columns - 2), height = min(height, grid.rows - 2)
        let top = (grid.rows - height) / 2, left = (grid.columns - width) / 2
        let style = CellStyle(.dialog)
        for row in top..<(top + height) { grid.fill(row: row, from: left, to: left + width, style: style) }
        let corner: Character = settings.asciiOnly ? "+" : "┌"
        let horizontal = String(repeating: glyphs.horizontal, count: width - 2)
        grid.write("\(corner)\(horizontal)\(settings.asciiOnly ? "+" : "┐")", row: top, column: left, style: style)
        grid.write("\(settings.asciiOnly ? "+" : "└")\(horizontal)\(settings.asciiOnly ? "+" : "┘")", row: top + height - 1, column: left, style: style)
        for row in (top + 1)..<(top + height - 1) {
            grid.write(String(glyphs.vertical), row: row, column: left, style: style)
            grid.write(String(glyphs.vertical), row: row, column: left + width - 1, style: style)
        }
        if !title.isEmpty {
            grid.write(" \(title) ", row: top, column: left + 2, style: CellStyle(.dialog, bold: true), limit: left + width - 2)
        }
        return (top + 1, left + 2, width - 4, height - 2)
    }

    /// Shown instead of a screen when the terminal is smaller than 80×24.
    static func tooSmall(columns: Int, rows: Int, catalog: Catalog, asciiOnly: Bool = false) -> CellGrid {
        var grid = CellGrid(columns: columns, rows: rows)
        grid.asciiOnly = asciiOnly
        let text = catalog.text(.tuiTooSmall, ["columns": String(columns), "rows": String(rows)])
        for (index, line) in TextLayout.lines(text, width: max(columns, 1)).prefix(rows).enumerated() {
            grid.write(line, row: index, column: 0, style: CellStyle(.normal, bold: true))
        }
        grid.cursor = GridPoint(row: 0, column: 0)
        return grid
    }
}

/// A line of feedback under a screen: always starts with a word saying what it is.
package enum ScreenMessage: Sendable, Equatable {
    case problem(String)
    case note(String)
}
