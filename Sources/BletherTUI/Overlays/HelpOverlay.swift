import BletherCore

/// F1: every key, scrolled line by line or page by page, saying when there is more above or below.
///
/// ```swift
/// var help = HelpOverlay()
/// if help.handle(.escape) == .close { … }
/// ```
package struct HelpOverlay: Sendable, Equatable {
    /// The first help line shown.
    package private(set) var scroll = 0

    package init() {}

    package enum Intent: Equatable { case stay, close }

    package mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .down: scroll += 1
        case .up: scroll = max(scroll - 1, 0)
        case .pageDown, .character(" "): scroll += 10
        case .pageUp: scroll = max(scroll - 10, 0)
        case .home: scroll = 0
        case .end: scroll = Int.max / 2
        case .escape, .function(1), .enter, .character("q"): return .close
        default: break
        }
        return .stay
    }

    /// The help's lines at the width of its box on a screen `columns` wide.
    static func lines(_ catalog: Catalog, columns: Int) -> [String] {
        catalog.text(.tuiHelp).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextLayout.lines(String($0), width: max(columns - 8, 1)) }
    }

    /// Rows the help's lines have in a box on a screen `rows` high (the last row says how to close it).
    static func height(rows: Int) -> Int { max(rows - 5, 1) }

    /// Keeps the scroll within the help at this size: done in the model's update, so drawing only reads.
    mutating func settle(columns: Int, rows: Int, catalog: Catalog) {
        let window = ScrollWindow.from(first: scroll, total: Self.lines(catalog, columns: columns).count, height: Self.height(rows: rows))
        scroll = window.first
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        let area = frame.box(title: catalog.text(.tuiHelpTitle), width: grid.columns - 4, height: grid.rows - 2, into: &grid)
        let lines = Self.lines(catalog, columns: grid.columns)
        let window = ScrollWindow.from(first: scroll, total: lines.count, height: area.height - 1)
        for (offset, line) in lines[window.shown].enumerated() {
            let isHeading = !line.hasPrefix(" ") && !line.isEmpty
            grid.write(line, row: area.row + window.offset + offset, column: area.column, style: CellStyle(.dialog, bold: isHeading),
                       limit: area.column + area.width)
        }
        frame.moreSigns(window, top: area.row, bottom: area.row + area.height - 2, column: area.column, width: area.width,
                        style: CellStyle(.dialog, bold: true), into: &grid)
        grid.write(catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog, bold: true))
        grid.cursor = GridPoint(row: area.row + window.offset, column: area.column)
    }
}
