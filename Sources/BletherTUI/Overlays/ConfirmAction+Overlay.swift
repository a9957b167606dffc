import BletherCore

/// A question before something destructive: Y does it, N or Esc does not.
///
/// ```swift
/// if ConfirmAction.answer(.character("y")) == true { … }
/// ```
extension ConfirmAction {
    /// `true` for yes, `false` for no, `nil` for a key that answers neither.
    package static func answer(_ key: Key) -> Bool? {
        switch key {
        case .character("y"), .character("Y"): true
        case .character("n"), .character("N"), .escape: false
        default: nil
        }
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame, words: ConversationWording?) {
        let catalog = frame.catalog
        let question: String
        switch self {
        case .clear(let id): question = catalog.text(.tuiConfirmClear, ["question": words?.label(id) ?? id])
        case .removeItem(_, _, let name): question = catalog.text(.tuiConfirmRemove, ["item": name])
        case .discardChanges: question = catalog.text(.tuiConfirmDiscard)
        case .discardItem: question = catalog.text(.tuiConfirmDiscardItem)
        }
        let lines = TextLayout.lines(question, width: 56)
        let area = frame.box(title: "", width: 62, height: lines.count + 5, into: &grid)
        for (offset, line) in lines.enumerated() {
            grid.write(line, row: area.row + 1 + offset, column: area.column, style: CellStyle(.dialog, bold: true))
        }
        grid.write(catalog.text(.tuiConfirmKeys), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog))
        grid.cursor = GridPoint(row: area.row + 1, column: area.column)
    }
}
