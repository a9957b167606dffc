import BletherCore

/// F1: every key, scrolled line by line.
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
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(scroll - 10, 0)
        case .escape, .function(1), .enter, .character("q"): return .close
        default: break
        }
        return .stay
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        let area = frame.box(title: catalog.text(.tuiHelpTitle), width: grid.columns - 4, height: grid.rows - 2, into: &grid)
        let lines = catalog.text(.tuiHelp).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextLayout.lines(String($0), width: area.width) }
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height - 1).enumerated() {
            let isHeading = !line.hasPrefix(" ") && !line.isEmpty
            grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog, bold: isHeading), limit: area.column + area.width)
        }
        grid.write(catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog, bold: true))
        grid.cursor = GridPoint(row: area.row, column: area.column)
    }
}
