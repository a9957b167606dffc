import BletherCore

/// A layer over a screen: the help, who is speaking, or a question before something destructive.
public enum Overlay: Sendable, Equatable {
    /// All keys; `scroll` is the first help line shown.
    case help(scroll: Int)
    /// Who is speaking; the highlighted speaker.
    case who(highlighted: Int)
    case confirm(ConfirmAction)
    /// The read-back summary, or how the budget was worked out, shown to the person (below the
    /// box's title); `scroll` is the first line shown.
    case readBack(title: String, document: Document, scroll: Int)
    /// The passphrase for signing, typed without being shown.
    case sign(passphrase: PassphraseField)
    /// The person's own words about their record.
    case comment(TextEditor)
    /// The worker's passphrase, to leave the person's review: its own field, never the
    /// person's words, open until the right passphrase or Esc.
    case leaveReview(passphrase: PassphraseField)
    /// Marking a section *talked about — nothing here*: a few words on what was explored
    /// (required when the form says so), and the refusal of the last try, if any.
    case nothingHere(section: String, required: Bool, note: LineEditor, problem: String?)

    /// The lines of a shown text as the box lays them out.
    static func readBackLines(_ document: Document, width: Int) -> [DocumentView.Line] {
        DocumentView.lines(document, width: width)
    }

    /// How a shown text falls into pages on a screen this size: its lines, and how many show at once.
    static func readBackPage(document: Document, columns: Int, rows: Int) -> (lines: Int, height: Int) {
        // As `render` lays it out: a box 4 narrower and 2 shorter than the screen, less its border
        // and margins (4 columns, 2 rows), and the closing key on its last line.
        let width = max(columns - 4 - 4, 1)
        let height = max(rows - 2 - 2 - 1, 1)
        return (readBackLines(document, width: width).count, height)
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame, words: ConversationWording?) {
        let catalog = frame.catalog
        switch self {
        case .help(let scroll):
            let area = frame.box(title: catalog.text(.tuiHelpTitle), width: grid.columns - 4, height: grid.rows - 2, into: &grid)
            let lines = catalog.text(.tuiHelp).split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { TextLayout.lines(String($0), width: area.width) }
            for (offset, line) in lines.dropFirst(scroll).prefix(area.height - 1).enumerated() {
                let isHeading = !line.hasPrefix(" ") && !line.isEmpty
                grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog, bold: isHeading), limit: area.column + area.width)
            }
            grid.write(catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog, bold: true))
            grid.cursor = GridPoint(row: area.row, column: area.column)
        case .who(let highlighted):
            let area = frame.box(title: catalog.text(.tuiWhoTitle), width: 50, height: Speaker.allCases.count + 4, into: &grid)
            for (index, speaker) in Speaker.allCases.enumerated() {
                let name = words?.speakerName(speaker) ?? speaker.rawValue
                let style = CellStyle(index == highlighted ? .selected : .dialog, bold: index == highlighted)
                grid.fill(row: area.row + index, from: area.column, to: area.column + area.width, style: style)
                grid.write("\(index + 1). \(name)", row: area.row + index, column: area.column, style: style, limit: area.column + area.width)
            }
            grid.write(catalog.text(.tuiKeyGo) + " · " + catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog))
            grid.cursor = GridPoint(row: area.row + highlighted, column: area.column)
        case .readBack(let title, let document, let scroll):
            let area = frame.box(title: title, width: grid.columns - 4, height: grid.rows - 2, into: &grid)
            let lines = Overlay.readBackLines(document, width: area.width)
            for (offset, line) in lines.dropFirst(scroll).prefix(area.height - 1).enumerated() {
                grid.write(line.text, row: area.row + offset, column: area.column, style: CellStyle(.dialog, bold: line.isHeading),
                           limit: area.column + area.width)
            }
            grid.write(catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog, bold: true))
            grid.cursor = GridPoint(row: area.row, column: area.column)
        case .comment(var editor):
            let area = frame.box(title: catalog.text(.reviewCommentTitle), width: grid.columns - 8, height: 12, into: &grid)
            let hint = TextLayout.lines(catalog.text(.reviewCommentHint), width: area.width)
            for (offset, line) in hint.prefix(2).enumerated() {
                grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog))
            }
            grid.cursor = editor.draw(into: &grid, row: area.row + 3, column: area.column, width: area.width, height: area.height - 3,
                                      style: CellStyle(.field, underline: true))
        case .leaveReview(let passphrase):
            // A refused passphrase is said inside the box, above the emptied field.
            let wrong = passphrase.refused ? Array(TextLayout.lines(catalog.text(.reviewLeaveWrong), width: 56).prefix(2)) : []
            let area = frame.box(title: catalog.text(.reviewLeaveTitle), width: 62, height: 6 + wrong.count, into: &grid)
            grid.write(catalog.text(.reviewPlainLeave), row: area.row, column: area.column, style: CellStyle(.dialog), limit: area.column + area.width)
            for (offset, line) in wrong.enumerated() {
                grid.write(line, row: area.row + 1 + offset, column: area.column, style: CellStyle(.problem, bold: true), limit: area.column + area.width)
            }
            grid.cursor = passphrase.draw(into: &grid, row: area.row + 2 + wrong.count, column: area.column, width: area.width,
                                          asciiOnly: frame.settings.asciiOnly, style: CellStyle(.field, underline: true))
        case .sign(let passphrase):
            let prompt = TextLayout.lines(catalog.text(.tuiSignTitle), width: 56)
            let area = frame.box(title: catalog.text(.tuiSignTitle), width: 62, height: prompt.count + 5, into: &grid)
            let caret = passphrase.draw(into: &grid, row: area.row + 1, column: area.column, width: area.width, asciiOnly: frame.settings.asciiOnly,
                                        style: CellStyle(.field, underline: true))
            grid.write(catalog.text(.tuiSignKeys), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog))
            grid.cursor = caret
        case .nothingHere(let section, let required, let note, let problem):
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
        case .confirm(let action):
            let question: String
            switch action {
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
}
