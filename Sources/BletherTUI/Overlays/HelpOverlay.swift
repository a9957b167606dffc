import BletherCore

/// F1 (or Ctrl-G): every key, each F-key with its Ctrl key beside it, scrolled line by line.
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

    /// The width of the help's column of keys, indent included: `  F10, Ctrl-X  `.
    package static let keyColumn = 14

    /// Every key, as the catalog words it, each F-key beside its Ctrl key from ``KeyShortcut``.
    package static func text(_ catalog: Catalog) -> String {
        catalog.text(.tuiHelp, KeyShortcut.helpNames(column: keyColumn))
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        let area = frame.box(title: catalog.text(.tuiHelpTitle), width: grid.columns - 4, height: grid.rows - 2, into: &grid)
        let lines = HelpOverlay.text(catalog).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextLayout.lines(String($0), width: area.width) }
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height - 1).enumerated() {
            let isHeading = !line.hasPrefix(" ") && !line.isEmpty
            grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog, bold: isHeading), limit: area.column + area.width)
        }
        grid.write(catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog, bold: true))
        grid.cursor = GridPoint(row: area.row, column: area.column)
    }
}
