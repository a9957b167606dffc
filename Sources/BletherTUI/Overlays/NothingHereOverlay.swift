import BletherCore

/// Marking a section *talked about — nothing here*: a few words on what was explored
/// (required when the form says so), and why the last try was refused, if it was.
///
/// ```swift
/// var ask = NothingHereOverlay(section: "technology", required: true)
/// if case .mark(let note) = ask.handle(.enter) { … }
/// ```
package struct NothingHereOverlay: Sendable, Equatable {
    package let section: String
    package let required: Bool
    package private(set) var note = LineEditor()
    /// Why the last try was refused.
    package var problem: String?

    package init(section: String, required: Bool) {
        self.section = section
        self.required = required
    }

    package enum Intent: Equatable { case stay, close, mark(note: String) }

    package mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .escape: return .close
        case .enter: return .mark(note: note.text)
        default:
            note.handle(key)
            return .stay
        }
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame, words: ConversationWording?) {
        let catalog = frame.catalog
        let title = words?.sectionTitle(section) ?? section
        let question = TextLayout.lines(catalog.text(.tuiConfirmNothing, ["section": title]), width: 64)
        let ask = TextLayout.lines(catalog.text(required ? .nothingNoteAskRequired : .nothingNoteAskOptional, ["section": title]), width: 64)
        let problemLines = problem.map { TextLayout.lines($0, width: 64) } ?? []
        let area = frame.box(title: "", width: 70, height: question.count + ask.count + problemLines.count + 6, into: &grid)
        var row = area.row
        for line in question { grid.write(line, row: row, column: area.column, style: CellStyle(.dialog, bold: true)); row += 1 }
        row += 1
        for line in ask { grid.write(line, row: row, column: area.column, style: CellStyle(.dialog)); row += 1 }
        let caret = note.draw(into: &grid, row: row, column: area.column, width: area.width, style: CellStyle(.field, underline: true))
        row += 1
        for line in problemLines { grid.write(line, row: row, column: area.column, style: CellStyle(.problem, bold: true)); row += 1 }
        grid.write(catalog.text(.nothingNoteKeys), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog))
        grid.cursor = caret
    }
}
