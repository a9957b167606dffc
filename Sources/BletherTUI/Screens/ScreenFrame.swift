import BletherCore

/// The parts every screen shares: a title line, rules, a message line and a key bar.
struct ScreenFrame {
    let catalog: Catalog
    let settings: DisplaySettings

    static let minimumColumns = 80
    static let minimumRows = 24

    var glyphs: Glyphs { settings.glyphs }

    /// Title on the left, `right` on the right, across the first row; a title too long for it
    /// wraps onto the rows below (up to two more), so it is read whole. Returns the rows used.
    @discardableResult
    func header(_ title: String, right: String, into grid: inout CellGrid) -> Int {
        let style = CellStyle(.title, bold: true)
        let rightWidth = TextWidth.of(right)
        let lines = TextLayout.lines(title, width: max(grid.columns - rightWidth - 4, 10))
        let shown = Array(lines.prefix(3))
        for (offset, line) in shown.enumerated() {
            grid.fill(row: offset, style: style)
            let cut = offset == 2 && lines.count > 3
            grid.write(" " + (cut ? TextLayout.truncate(line + " " + glyphs.ellipsis, width: grid.columns - rightWidth - 4, ascii: settings.asciiOnly) : line),
                       row: offset, column: 0, style: style)
        }
        grid.write(right + " ", row: 0, column: max(grid.columns - rightWidth - 1, 0), style: style)
        return shown.count
    }

    func rule(row: Int, from column: Int = 0, to limit: Int? = nil, into grid: inout CellGrid) {
        let end = limit ?? grid.columns
        grid.write(String(repeating: glyphs.horizontal, count: max(end - column, 0)), row: row, column: column, style: CellStyle(.muted))
    }

    /// A problem or a note, said in words, above the key bar: as many rows as it needs (up to
    /// half the screen), so it is read whole; the screen's body ends above it (``bodyBottom(_:in:)``).
    /// Without a message one row stays empty there, so the body does not jump.
    /// - Parameter keyRows: the rows the key bar takes at the foot (one, unless it wraps).
    func message(_ message: ScreenMessage?, into grid: inout CellGrid, keyRows: Int = 1) {
        let lines = messageLines(message, in: grid)
        let top = grid.rows - keyRows - max(lines.count, 1)
        for row in top..<(grid.rows - keyRows) { grid.fill(row: row, style: .normal) }
        for (offset, line) in lines.enumerated() {
            grid.write(" " + line.text, row: top + offset, column: 0, style: line.style)
        }
    }

    /// The last row of a screen's body above `message` and the key bar.
    func bodyBottom(_ message: ScreenMessage?, in grid: CellGrid) -> Int {
        grid.rows - 2 - max(messageLines(message, in: grid).count, 1)
    }

    /// A message in words, starting with what it is ("Problem:", "Note:"), wrapped to `width`.
    func said(_ message: ScreenMessage, width: Int) -> (lines: [String], style: CellStyle) {
        switch message {
        case .problem(let words), .answerProblem(_, let words):
            return (TextLayout.lines(catalog.text(.tuiProblem, ["message": words]), width: width), CellStyle(.problem, bold: true))
        case .note(let words):
            return (TextLayout.lines(catalog.text(.tuiNote, ["message": words]), width: width), CellStyle(.normal))
        }
    }

    private func messageLines(_ message: ScreenMessage?, in grid: CellGrid) -> [(text: String, style: CellStyle)] {
        guard let message else { return [] }
        let said = said(message, width: grid.columns - 2)
        let most = max(grid.rows / 2 - 2, 2)
        var lines = Array(said.lines.prefix(most))
        if said.lines.count > most, let last = lines.popLast() {
            lines.append(TextLayout.truncate(last + " " + glyphs.ellipsis, width: grid.columns - 2, ascii: settings.asciiOnly))
        }
        return lines.map { ($0, said.style) }
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
        var grid = CellGrid(columns: columns, rows: rows, direction: LayoutDirection(catalog))
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
    /// A problem with the answer to this question: said directly under it, where the focus is,
    /// rather than at the foot of the screen.
    case answerProblem(question: String, String)
    case note(String)

    /// Whether it is a problem (of either kind) rather than a note.
    var isProblem: Bool {
        if case .note = self { false } else { true }
    }
}
