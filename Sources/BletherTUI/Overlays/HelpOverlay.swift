import BletherCore

/// F1 (or Ctrl-G): every key, each F-key with its Ctrl key beside it, scrolled line by line or
/// page by page, saying when there is more above or below. In the person's review it is their
/// own help instead: how to turn the pages, make the text easier to read, add their own words
/// and give the laptop back — none of the worker's conversation keys.
///
/// ```swift
/// var help = HelpOverlay(topic: .review)
/// if help.handle(.escape) == .close { … }
/// ```
package struct HelpOverlay: Sendable, Equatable {
    /// Whose help it is.
    package enum Topic: Sendable, Equatable {
        /// The worker's: every key of the program.
        case everyKey
        /// The supported person's, while they read their record.
        case review
    }

    package let topic: Topic
    /// The first help line shown.
    package private(set) var scroll = 0

    package init(topic: Topic = .everyKey) {
        self.topic = topic
    }

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

    /// The width of the help's column of keys, indent included: `  F10, Ctrl-X  `.
    package static let keyColumn = 14

    /// The help, as the catalog words it, each F-key beside its Ctrl key from ``KeyShortcut``.
    package static func text(_ catalog: Catalog, topic: Topic = .everyKey) -> String {
        catalog.text(topic == .review ? .reviewHelp : .tuiHelp, KeyShortcut.helpNames(column: keyColumn))
    }

    /// The help's lines at the width of its box on a screen `columns` wide.
    /// A line that runs on is wrapped under its words, not under its key.
    static func lines(_ catalog: Catalog, topic: Topic, columns: Int) -> [String] {
        let width = max(columns - 8, 1)
        return text(catalog, topic: topic).split(separator: "\n", omittingEmptySubsequences: false).flatMap { part -> [String] in
            let line = String(part)
            let indent = wordsColumn(line)
            guard indent > 0, indent < width / 2 else { return TextLayout.lines(line, width: width) }
            let lead = String(line.prefix(keyLength(line, column: indent)))
            let words = String(line.dropFirst(lead.count))
            return TextLayout.lines(words, width: width - indent).enumerated().map { ($0.offset == 0 ? lead : String(repeating: " ", count: indent)) + $0.element }
        }
    }

    /// The cell where a key's words begin ("  F1            this help": 16), or 0 for a line that is not a key's.
    private static func wordsColumn(_ line: String) -> Int {
        guard line.hasPrefix("  ") else { return 0 }
        var cells = 0, spaces = 0
        for character in line {
            if character == " " { spaces += 1 } else {
                if spaces >= 2 && cells > 2 { return cells }
                spaces = 0
            }
            cells += TextWidth.of(character)
        }
        return 0
    }

    /// How many characters of `line` come before the cell `column`.
    private static func keyLength(_ line: String, column: Int) -> Int {
        var cells = 0, count = 0
        for character in line where cells < column {
            cells += TextWidth.of(character)
            count += 1
        }
        return count
    }

    /// Rows the help's lines have in a box on a screen `rows` high (the last row says how to close it).
    static func height(rows: Int) -> Int { max(rows - 5, 1) }

    /// Keeps the scroll within the help at this size: done in the model's update, so drawing only reads.
    mutating func settle(columns: Int, rows: Int, catalog: Catalog) {
        let window = ScrollWindow.from(first: scroll, total: Self.lines(catalog, topic: topic, columns: columns).count, height: Self.height(rows: rows))
        scroll = window.first
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        let area = frame.box(title: catalog.text(topic == .review ? .reviewHelpTitle : .tuiHelpTitle), width: grid.columns - 4, height: grid.rows - 2,
                             into: &grid)
        let lines = Self.lines(catalog, topic: topic, columns: grid.columns)
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
