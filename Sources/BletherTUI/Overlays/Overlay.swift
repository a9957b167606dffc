import BletherCore

/// A layer over a screen, one type per kind: the help, who is speaking, a shown text, the
/// person's words, a passphrase, a note on an empty section, or a question before something
/// destructive. Each handles its own keys (returning what the program should do) and draws itself.
///
/// ```swift
/// model.overlay = .who(WhoOverlay(highlighted: 0))
/// ```
package enum Overlay: Sendable, Equatable {
    case help(HelpOverlay)
    case who(WhoOverlay)
    case confirm(ConfirmAction)
    /// The read-back summary, or how the budget was worked out, shown to the person.
    case readBack(ShownTextOverlay)
    /// The passphrase for signing, typed without being shown.
    case sign(passphrase: PassphraseField)
    case comment(CommentOverlay)
    /// The worker's passphrase, to leave the person's review: its own field, never the
    /// person's words, open until the right passphrase or Esc.
    case leaveReview(passphrase: PassphraseField)
    case nothingHere(NothingHereOverlay)

    func render(into grid: inout CellGrid, frame: ScreenFrame, words: ConversationWording?) {
        switch self {
        case .help(let help): help.render(into: &grid, frame: frame)
        case .who(let who): who.render(into: &grid, frame: frame, words: words)
        case .readBack(let shown): shown.render(into: &grid, frame: frame)
        case .comment(let comment): comment.render(into: &grid, frame: frame)
        case .leaveReview(let passphrase): passphrase.renderLeavingReview(into: &grid, frame: frame)
        case .sign(let passphrase): passphrase.renderSigning(into: &grid, frame: frame, label: (frame.catalog.text(.tuiSignLabel), nil))
        case .nothingHere(let nothingHere): nothingHere.render(into: &grid, frame: frame, words: words)
        case .confirm(let action): action.render(into: &grid, frame: frame, words: words)
        }
    }
}
