import BletherCore
import Foundation

/// The home: every conversation with its person, form, state and last change; type to
/// find by name; the first line starts a new conversation.
package struct HomeScreen: Sendable {
    package private(set) var conversations: [ConversationSummary]
    package private(set) var filter = LineEditor()
    /// 0 is "start a new conversation"; 1… are the shown conversations.
    package private(set) var highlighted = 0
    package var message: ScreenMessage?

    /// Where in ``conversations`` are those whose person's name contains the filter, ignoring
    /// case and accents: found once each time the filter changes, over names folded once.
    private var shownIndices: [Int]
    private let names: NameIndex
    /// The forms the conversations are on, each once (their titles set a column's width).
    private let formIDs: [String]
    /// Each conversation's cells, laid out once per size and language.
    private let layout = HomeEntryLayout()

    package init(conversations: [ConversationSummary]) {
        self.conversations = conversations
        shownIndices = Array(conversations.indices)
        names = NameIndex(names: conversations.map(\.person))
        formIDs = Array(Set(conversations.map(\.formID))).sorted()
    }

    /// The conversations shown, in order.
    package var shown: [ConversationSummary] { shownIndices.map { conversations[$0] } }

    private mutating func find() {
        shownIndices = filter.text.isEmpty ? Array(conversations.indices) : names.matches(filter.text)
    }

    enum Intent: Equatable { case none, open(String), new, decide(String) }

    /// The conversation on the highlighted line, if it is one.
    var highlightedSummary: ConversationSummary? {
        highlighted > 0 && highlighted <= shownIndices.count ? conversations[shownIndices[highlighted - 1]] : nil
    }

    /// A click on a line: the first click highlights it, a click on the highlighted line opens it.
    mutating func click(line: Int) -> Intent {
        guard line >= 0, line <= shownIndices.count else { return .none }
        if line == highlighted { return handle(.enter) }
        highlighted = line
        return .none
    }

    mutating func handle(_ key: Key) -> Intent {
        let count = shownIndices.count
        switch key {
        case .up: highlighted = max(highlighted - 1, 0)
        case .down: highlighted = min(highlighted + 1, count)
        case .home where filter.text.isEmpty: highlighted = 0
        case .end where filter.text.isEmpty: highlighted = count
        case .pageDown: highlighted = min(highlighted + 10, count)
        case .pageUp: highlighted = max(highlighted - 10, 0)
        case .control("n"): return .new
        case .function(9):
            // A referred budget is decided by a team leader or service manager.
            guard let summary = highlightedSummary, summary.state == .referred else { return .none }
            return .decide(summary.id)
        case .enter: return highlightedSummary.map { .open($0.id) } ?? .new
        case .escape: filter = LineEditor(); highlighted = 0; find()
        default:
            let before = filter.text
            if filter.handle(key) {
                if filter.text != before { find() }
                highlighted = shownIndices.isEmpty ? 0 : 1
                message = shownIndices.isEmpty && !filter.text.isEmpty ? .note("") : nil
            }
        }
        return .none
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame, forms: (String) -> String) {
        let catalog = frame.catalog
        frame.header(catalog.text(.tuiHomeTitle), right: catalog.text(.tuiHomeCount, count: conversations.count), into: &grid)
        let label = catalog.text(.tuiHomeFind) + " "
        grid.write(" " + label, row: 1, column: 0, style: CellStyle(.heading))
        let fieldColumn = 1 + TextWidth.of(label)
        if filter.text.isEmpty {
            grid.write("(" + catalog.text(.tuiHomeFindHint) + ")", row: 1, column: fieldColumn, style: CellStyle(.muted))
        } else {
            filter.draw(into: &grid, row: 1, column: fieldColumn, width: 40, style: CellStyle(.field, underline: true))
        }
        frame.rule(row: 2, into: &grid)
        let widths = columnWidths(columns: grid.columns, forms: formIDs.map(forms), catalog: catalog)
        let changedWidth = widths.changed
        // Each cell wraps within its column, so a person's name, a form's title or a state is read
        // whole; a conversation takes as many rows as its longest cell.
        func cells(_ texts: [String]) -> [[String]] {
            zip(texts, [widths.person, widths.form, widths.state, changedWidth]).map { TextLayout.lines($0, width: $1) }
        }
        func draw(_ cells: [[String]], line: Int, row: Int, style: CellStyle) {
            var x = 1
            for (lines, width) in zip(cells, [widths.person, widths.form, widths.state, changedWidth]) {
                if line < lines.count { grid.write(lines[line], row: row, column: x, style: style, limit: x + width) }
                x += width + 1
            }
        }
        let headings = cells([catalog.text(.tuiColumnPerson), catalog.text(.tuiColumnForm), catalog.text(.tuiColumnState), catalog.text(.tuiColumnChanged)])
        let headingRows = headings.map(\.count).max() ?? 1
        for line in 0..<headingRows { draw(headings, line: line, row: 3 + line, style: CellStyle(.heading, bold: true)) }
        // How many rows each conversation shown takes, measured once for this size and language;
        // only the conversations in view are laid out, each once.
        let fitting = HomeEntryLayout.Fitting(widths: [widths.person, widths.form, widths.state, changedWidth], language: catalog.language)
        func texts(_ index: Int) -> [String] {
            let summary = conversations[index]
            return [summary.person, forms(summary.formID), catalog.conversationState(summary.state), LocalTimestamp.text(summary.updatedAt)]
        }
        // A cell that fits its column is one line; only a longer one is wrapped to count its lines.
        func lineCount(_ text: String, width: Int) -> Int {
            !text.utf8.contains(UInt8(ascii: "\n")) && TextWidth.of(text) <= width ? 1 : TextLayout.lines(text, width: width).count
        }
        // Forms and states are few, whatever the number of conversations: each measured once.
        let formLines = Dictionary(uniqueKeysWithValues: formIDs.map { ($0, lineCount(forms($0), width: widths.form)) })
        let stateLines = Dictionary(uniqueKeysWithValues: ConversationState.allCases.map { ($0, lineCount(catalog.conversationState($0), width: widths.state)) })
        let heights = layout.heights(of: shownIndices, fitting: fitting) { index in
            // The time's column is as wide as any time, so the time is never what wraps.
            let summary = conversations[index]
            return max(lineCount(summary.person, width: widths.person), formLines[summary.formID] ?? 1, stateLines[summary.state] ?? 1)
        }
        // Every line of the list: which entry (0 is "start a new conversation") and which of its lines.
        let newLines = TextLayout.lines(catalog.text(.tuiHomeNew), width: grid.columns - 4)
        var rows: [(entry: Int, line: Int)] = newLines.indices.map { (0, $0) }
        var highlightedRows = 0..<newLines.count
        rows.reserveCapacity(rows.count + heights.reduce(0, +))
        for (index, height) in heights.enumerated() {
            let start = rows.count
            for line in 0..<max(height, 1) { rows.append((index + 1, line)) }
            if index + 1 == highlighted { highlightedRows = start..<rows.count }
        }
        let listTop = 3 + headingRows, listBottom = frame.bodyBottom(message.flatMap { if case .note("") = $0 { nil } else { $0 } }, in: grid)
        let window = ScrollWindow.around(total: rows.count, height: listBottom - listTop + 1, keep: highlightedRows)
        for (offset, entry) in rows[window.shown].enumerated() {
            let row = listTop + window.offset + offset
            let isHighlighted = entry.entry == highlighted
            let style = CellStyle(isHighlighted ? .selected : .normal, bold: entry.entry == 0)
            grid.mark(.homeLine(entry.entry), row: row, columns: 0..<grid.columns)
            if isHighlighted {
                grid.fill(row: row, style: style)
                if entry.line == 0 { grid.cursor = GridPoint(row: row, column: 1) }
            }
            if entry.entry == 0 {
                grid.write((entry.line == 0 ? " + " : "   ") + newLines[entry.line], row: row, column: 0, style: style)
            } else {
                let cells = layout.cells(of: shownIndices[entry.entry - 1], fitting: fitting) { index in
                    // The person's name in its own direction; the time always left to right.
                    cells(texts(index)).enumerated().map { column, lines in
                        column == 0 ? lines.map { BidiLine.personsWords($0) } : column == 3 ? lines.map(BidiLine.leftToRight) : lines
                    }
                }
                draw(cells, line: entry.line, row: row, style: style)
            }
        }
        frame.moreSigns(window, top: listTop, bottom: listBottom, column: 1, width: grid.columns - 2, into: &grid)
        if conversations.isEmpty {
            grid.write(" " + catalog.text(.plainHomeEmpty), row: 6, column: 0, style: CellStyle(.muted))
        } else if shownIndices.isEmpty {
            grid.write(" " + catalog.text(.tuiHomeNoneMatch, ["filter": BidiLine.personsWords(filter.text)]), row: 6, column: 0, style: CellStyle(.muted))
        }
        frame.message(message.flatMap { if case .note("") = $0 { nil } else { $0 } }, into: &grid)
        let decide: [UIText] = highlightedSummary?.state == .referred ? [.tuiKeyDecide] : []
        frame.keyBar([.tuiKeyOpen] + decide + [.tuiKeyNew, .tuiKeyQuit], into: &grid)
    }

    /// The columns' widths: the time as wide as it is; the state and the form as wide as their
    /// longest words in this language, leaving the person at least 16 cells; the person the rest.
    private func columnWidths(columns: Int, forms: [String], catalog: Catalog) -> (person: Int, form: Int, state: Int, changed: Int) {
        let changed = max(TextWidth.of(LocalTimestamp.text(Date(timeIntervalSince1970: 0))), TextWidth.of(catalog.text(.tuiColumnChanged)))
        let room = columns - 5 - changed
        let states = ConversationState.allCases.map(catalog.conversationState) + [catalog.text(.tuiColumnState)]
        let longestState = states.map(TextWidth.of).max() ?? 10
        let longestWord = states.flatMap { $0.split(separator: " ") }.map { TextWidth.of(String($0)) }.max() ?? 10
        let state = min(longestState, max(room / 4, longestWord, 10))
        let longestForm = (forms + [catalog.text(.tuiColumnForm)]).map(TextWidth.of).max() ?? 12
        let form = min(longestForm, max(room - state - 16, 12))
        return (room - state - form, form, state, changed)
    }
}
