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

    /// Conversations whose person's name contains the filter, ignoring case and accents:
    /// found once each time the filter changes, over names folded once.
    package private(set) var shown: [ConversationSummary]
    private let names: NameIndex

    package init(conversations: [ConversationSummary]) {
        self.conversations = conversations
        shown = conversations
        names = NameIndex(names: conversations.map(\.person))
    }

    private mutating func find() {
        shown = filter.text.isEmpty ? conversations : names.matches(filter.text).map { conversations[$0] }
    }

    enum Intent: Equatable { case none, open(String), new, decide(String) }

    /// The conversation on the highlighted line, if it is one.
    var highlightedSummary: ConversationSummary? {
        highlighted > 0 && highlighted <= shown.count ? shown[highlighted - 1] : nil
    }

    /// A click on a line: the first click highlights it, a click on the highlighted line opens it.
    mutating func click(line: Int) -> Intent {
        guard line >= 0, line <= shown.count else { return .none }
        if line == highlighted { return handle(.enter) }
        highlighted = line
        return .none
    }

    mutating func handle(_ key: Key) -> Intent {
        let count = shown.count
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
        case .enter: return highlighted == 0 ? .new : .open(shown[highlighted - 1].id)
        case .escape: filter = LineEditor(); highlighted = 0; find()
        default:
            let before = filter.text
            if filter.handle(key) {
                if filter.text != before { find() }
                highlighted = shown.isEmpty ? 0 : 1
                message = shown.isEmpty && !filter.text.isEmpty ? .note("") : nil
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
        let formWidth = grid.columns >= 120 ? 36 : 26
        let stateWidth = 10, changedWidth = 17
        let personWidth = grid.columns - 3 - formWidth - stateWidth - changedWidth - 3
        func columns(_ person: String, _ form: String, _ state: String, _ changed: String, style: CellStyle, row: Int) {
            var x = 1
            for (text, width) in [(person, personWidth), (form, formWidth), (state, stateWidth), (changed, changedWidth)] {
                grid.write(TextLayout.truncate(text, width: width - 1, ascii: frame.settings.asciiOnly), row: row, column: x, style: style, limit: x + width)
                x += width + 1
            }
        }
        columns(catalog.text(.tuiColumnPerson), catalog.text(.tuiColumnForm), catalog.text(.tuiColumnState), catalog.text(.tuiColumnChanged),
                style: CellStyle(.heading, bold: true), row: 3)
        let visible = grid.rows - 3 - 4
        let items = shown
        let first = max(0, min(highlighted - visible / 2, items.count + 1 - visible))
        for index in first..<min(items.count + 1, first + visible) {
            let row = 4 + index - first
            grid.mark(.homeLine(index), row: row, columns: 0..<grid.columns)
            let isHighlighted = index == highlighted
            let style = CellStyle(isHighlighted ? .selected : .normal, bold: index == 0)
            if isHighlighted {
                grid.fill(row: row, style: style)
                grid.cursor = GridPoint(row: row, column: 1)
            }
            if index == 0 {
                grid.write(" + " + catalog.text(.tuiHomeNew), row: row, column: 0, style: style)
                continue
            }
            let summary = items[index - 1]
            // The person's name in its own direction; the time always left to right.
            columns(BidiLine.personsWords(summary.person), forms(summary.formID), catalog.conversationState(summary.state),
                    BidiLine.leftToRight(LocalTimestamp.text(summary.updatedAt)), style: style, row: row)
        }
        if conversations.isEmpty {
            grid.write(" " + catalog.text(.plainHomeEmpty), row: 6, column: 0, style: CellStyle(.muted))
        } else if items.isEmpty {
            grid.write(" " + catalog.text(.tuiHomeNoneMatch, ["filter": BidiLine.personsWords(filter.text)]), row: 6, column: 0, style: CellStyle(.muted))
        }
        frame.message(message.flatMap { if case .note("") = $0 { nil } else { $0 } }, into: &grid)
        let decide: [UIText] = highlightedSummary?.state == .referred ? [.tuiKeyDecide] : []
        frame.keyBar([.tuiKeyOpen] + decide + [.tuiKeyNew, .tuiKeyQuit], into: &grid)
    }
}
