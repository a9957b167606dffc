import BletherCore

/// In the person's review: their own words about the record, saved with Ctrl-S.
///
/// ```swift
/// var comment = CommentOverlay()
/// if case .save(let words) = comment.handle(.control("s")) { … }
/// ```
package struct CommentOverlay: Sendable, Equatable {
    package private(set) var editor = TextEditor()

    package init() {}

    package enum Intent: Equatable { case stay, close, save(String) }

    package mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .escape: return .close
        case .control("s"): return .save(editor.text)
        default:
            editor.handle(key)
            return .stay
        }
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        // The hint is said whole; the box grows to hold it above a field of at least six lines.
        let hint = TextLayout.lines(catalog.text(.reviewCommentHint), width: grid.columns - 12)
        let area = frame.box(title: catalog.text(.reviewCommentTitle), width: grid.columns - 8, height: max(12, hint.count + 9), into: &grid)
        for (offset, line) in hint.enumerated() {
            grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog))
        }
        var editor = editor
        grid.cursor = editor.draw(into: &grid, row: area.row + hint.count + 1, column: area.column, width: area.width,
                                  height: max(area.height - hint.count - 1, 1), style: CellStyle(.field, underline: true))
    }
}
