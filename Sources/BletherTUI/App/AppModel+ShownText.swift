import BletherCore
import Foundation

/// F7: the read-back summary, or how the budget was worked out, shown to the person page by
/// page; which lines were on screen, and for how long, go to the engine when it closes.
extension AppModel {
    mutating func openShownText(at now: Date) {
        guard case .conversation(let screen) = mode else { return }
        let kind = screen.shownHere
        switch screen.document(of: kind) {
        case .success(let document):
            // The box's title already says what the text is: a document headed only by that title starts below it.
            let title = screen.title(of: kind)
            var body = document
            if let first = body.sections.first, first.blocks.isEmpty, first.heading?.text.plain == title { body.sections.removeFirst() }
            let shown = ShownTextOverlay(title: title, document: body)
            overlay = .readBack(shown)
            viewing = ReadBackViewing(kind: kind, sha256: contentHash(document.text), viewing: ShownTextViewing(openedAt: now))
            noteReadBackWindow(shown)
        case .failure(let unavailable):
            overlay = .readBack(ShownTextOverlay(title: screen.title(of: kind),
                                                 document: Document(sections: [DocumentSection(blocks: [.paragraph(DocumentText(unavailable.message))])])))
            viewing = nil
        }
    }

    /// Notes which lines of the text F7 shows are on screen now.
    mutating func noteReadBackWindow(_ shown: ShownTextOverlay) {
        let window = shown.window(columns: columns, rows: rows)
        viewing?.viewing.show(lines: window.shown, of: window.of)
    }

    /// The text F7 showed is closed: the engine notes how long it was open and whether every page was shown.
    mutating func finishViewing(at now: Date, into commands: inout [AppCommand]) {
        guard let current = viewing else { return }
        viewing = nil
        apply(.shown(current.kind, current.viewing.note(language: catalog.language, sha256: current.sha256, closedAt: now)), at: now, into: &commands)
    }
}
