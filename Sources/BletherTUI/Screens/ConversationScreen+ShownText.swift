import BletherCore

/// The texts F7 shows the person — the read-back summary, or, in the costing sections, how
/// the budget was worked out — and the yes/no question that says each was gone through.
///
/// ```swift
/// let kind = screen.shownHere                      // .costing in "Working out the budget"
/// if case .success(let document) = screen.document(of: kind) { … }   // shown with F7, page by page
/// ```
extension ConversationScreen {
    /// What F7 shows in the current section (the rule is the engine's).
    var shownHere: ShownText { session.shownTextHere }

    /// The text as it reads now, or what to say instead when it cannot be made yet (made by the
    /// engine); its plain text (``Document/text``) is what is hashed when it is shown.
    func document(of kind: ShownText) -> Result<Document, ShownTextUnavailable> {
        session.document(of: kind, words: words, person: summary.person)
    }

    /// The title of the box the text is shown in.
    func title(of kind: ShownText) -> String {
        kind == .summary ? catalog.text(.tuiReadBackTitle) : catalog.text(.costingTitle)
    }

    /// What to say when "yes" is given before the text was shown: to show it, or, when it was
    /// opened but not read to the end, to show every page.
    func showFirst(_ kind: ShownText) -> String {
        let keys = KeyShortcut.sentenceNames
        if session.shownTexts.notes[kind] != nil { return catalog.text(kind == .summary ? .tuiReadBackEveryPage : .tuiCostingEveryPage, keys) }
        return kind == .summary ? catalog.text(.tuiReadBackFirst, keys) : catalog.text(.costingShowFirst, keys)
    }
}
