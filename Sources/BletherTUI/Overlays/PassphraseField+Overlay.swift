import BletherCore

/// The two passphrase boxes — signing, and leaving the person's review — each its own field,
/// never echoed, never shared with anything else on screen.
///
/// ```swift
/// var field = PassphraseField()
/// if field.handleInBox(.enter) == .submit { … field.passphrase … }
/// ```
extension PassphraseField {
    package enum Intent: Equatable { case stay, close, submit }

    /// Esc closes; Enter gives the passphrase; anything else is typed.
    package mutating func handleInBox(_ key: Key) -> Intent {
        switch key {
        case .escape: return .close
        case .enter: return .submit
        default:
            handle(key)
            return .stay
        }
    }

    /// The signing box: what to type and that it signs, the key it signs with (its whole
    /// fingerprint, wrapped), and the field.
    func renderSigning(into grid: inout CellGrid, frame: ScreenFrame, label: (label: String, key: String?)) {
        let catalog = frame.catalog
        let width = min(grid.columns - 6, 72)
        let said = TextLayout.lines(label.label, width: width - 4)
        let key = label.key.map { TextLayout.lines($0, width: width - 4) } ?? []
        let area = frame.box(title: catalog.text(.tuiSignTitle), width: width, height: said.count + key.count + 6, into: &grid)
        var row = area.row
        for line in said {
            grid.write(line, row: row, column: area.column, style: CellStyle(.dialog, bold: true), limit: area.column + area.width)
            row += 1
        }
        for line in key {
            grid.write(line, row: row, column: area.column, style: CellStyle(.dialog), limit: area.column + area.width)
            row += 1
        }
        let caret = draw(into: &grid, row: row + 1, column: area.column, width: area.width, asciiOnly: frame.settings.asciiOnly,
                         style: CellStyle(.field, underline: true))
        grid.write(catalog.text(.tuiSignKeys), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog))
        grid.cursor = caret
    }

    func renderLeavingReview(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        // A refused passphrase is said inside the box, above the emptied field.
        let wrong = refused ? TextLayout.lines(catalog.text(.reviewLeaveWrong), width: 56) : []
        let area = frame.box(title: catalog.text(.reviewLeaveTitle), width: 62, height: 6 + wrong.count, into: &grid)
        grid.write(catalog.text(.reviewPlainLeave), row: area.row, column: area.column, style: CellStyle(.dialog), limit: area.column + area.width)
        for (offset, line) in wrong.enumerated() {
            grid.write(line, row: area.row + 1 + offset, column: area.column, style: CellStyle(.problem, bold: true), limit: area.column + area.width)
        }
        grid.cursor = draw(into: &grid, row: area.row + 2 + wrong.count, column: area.column, width: area.width,
                           asciiOnly: frame.settings.asciiOnly, style: CellStyle(.field, underline: true))
    }
}
