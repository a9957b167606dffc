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
        let area = frame.box(title: catalog.text(.reviewCommentTitle), width: grid.columns - 8, height: 12, into: &grid)
        let hint = TextLayout.lines(catalog.text(.reviewCommentHint), width: area.width)
        for (offset, line) in hint.prefix(2).enumerated() {
            grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog))
        }
        var editor = editor
        grid.cursor = editor.draw(into: &grid, row: area.row + 3, column: area.column, width: area.width, height: area.height - 3,
                                  style: CellStyle(.field, underline: true))
    }
}
