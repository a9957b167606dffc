import BletherCore

/// In the person's review: their own words about the record, saved with Ctrl-S. Words not yet
/// saved are never thrown away without asking: Esc, or Ctrl-C to give the laptop back, first
/// asks whether to throw them away (Y), keep writing (N or Esc) or save them (Ctrl-S), with
/// the words still in view.
///
/// ```swift
/// var comment = CommentOverlay()
/// if case .save(let words) = comment.handle(.control("s")) { … }
/// ```
package struct CommentOverlay: Sendable, Equatable {
    package private(set) var editor = TextEditor()
    /// While the person is asked whether to throw their words away: what follows if they do.
    package private(set) var asking: AfterDiscarding?

    package init() {}

    /// What follows once words not saved are thrown away (or when there were none).
    package enum AfterDiscarding: Sendable, Equatable {
        /// Back to the record.
        case close
        /// On to the worker's passphrase, to give the laptop back.
        case leave
    }

    package enum Intent: Equatable { case stay, close, save(String), leave }

    /// Whether anything has been written that would be lost.
    package var hasWords: Bool { !editor.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    package mutating func handle(_ key: Key) -> Intent {
        if let after = asking {
            // While asked, nothing is typed into the words: only the answer counts.
            if key == .control("s") {
                asking = nil
                return .save(editor.text)
            }
            switch ConfirmAction.answer(key) {
            case true?:
                asking = nil
                return after == .leave ? .leave : .close
            case false?: asking = nil
            case nil: break
            }
            return .stay
        }
        switch key {
        case .escape: return ask(then: .close)
        case .interrupt: return ask(then: .leave)
        case .control("s"): return .save(editor.text)
        default:
            editor.handle(key)
            return .stay
        }
    }

    /// Goes on at once when nothing would be lost; otherwise asks first.
    private mutating func ask(then after: AfterDiscarding) -> Intent {
        guard hasWords else { return after == .leave ? .leave : .close }
        asking = after
        return .stay
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let catalog = frame.catalog
        // The hint is said whole; the box grows to hold it above a field of at least six lines,
        // and, while asking, the question and its keys below the words.
        let hint = TextLayout.lines(catalog.text(.reviewCommentHint), width: grid.columns - 12)
        let question = asking == nil ? [] : TextLayout.lines(catalog.text(.reviewCommentDiscard), width: grid.columns - 12)
        let keys = asking == nil ? [] : TextLayout.lines(catalog.text(.reviewCommentDiscardKeys), width: grid.columns - 12)
        let asked = question.isEmpty ? 0 : question.count + keys.count + 1
        let area = frame.box(title: catalog.text(.reviewCommentTitle), width: grid.columns - 8, height: max(12, hint.count + 9) + asked, into: &grid)
        for (offset, line) in hint.enumerated() {
            grid.write(line, row: area.row + offset, column: area.column, style: CellStyle(.dialog))
        }
        var editor = editor
        let caret = editor.draw(into: &grid, row: area.row + hint.count + 1, column: area.column, width: area.width,
                                height: max(area.height - hint.count - 1 - asked, 1), style: CellStyle(.field, underline: true))
        grid.cursor = caret
        guard !question.isEmpty else { return }
        let top = area.row + area.height - question.count - keys.count
        for (offset, line) in question.enumerated() {
            grid.write(line, row: top + offset, column: area.column, style: CellStyle(.problem, bold: true))
        }
        for (offset, line) in keys.enumerated() {
            grid.write(line, row: top + question.count + offset, column: area.column, style: CellStyle(.dialog, bold: true))
        }
        // The question is where the focus is, for a screen reader to say.
        grid.cursor = GridPoint(row: top, column: area.column)
    }
}
