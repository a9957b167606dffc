import BletherCore

/// The supported person's own view of one record: read-only, page by page, in plain
/// words and their language, with more space between lines one key away. They can add
/// their own words; leaving needs the worker's passphrase, so no other record is reachable.
package struct ReviewScreen: Sendable {
    package let summary: ConversationSummary
    package let words: ConversationWording
    /// The record as signed (or, before signing, as written so far).
    package let session: Session
    package let isSigned: Bool
    /// Everything the person reads, as a document, given their own words so far (made by the edge
    /// that read the record, which alone can read what was signed).
    let text: @Sendable (_ comments: [String]) -> Document
    package internal(set) var comments: [ReviewComment]
    package internal(set) var page = 0
    package internal(set) var largeSpacing = false
    package var message: ScreenMessage?

    /// ```swift
    /// let screen = ReviewScreen(summary: summary, words: words, session: session, isSigned: true, comments: []) { comments in
    ///     PersonReviewText.document(session: session, words: words, person: summary.person, content: signed, comments: comments)
    /// }
    /// ```
    package init(summary: ConversationSummary, words: ConversationWording, session: Session, isSigned: Bool, comments: [ReviewComment],
                text: @escaping @Sendable (_ comments: [String]) -> Document) {
        self.isSigned = isSigned
        self.text = text
        self.summary = summary
        self.words = words
        self.session = session
        self.comments = comments
    }

    var catalog: Catalog { words.catalog }

    /// Everything the person reads, as lines of the given width.
    func lines(width: Int) -> [DocumentView.Line] {
        DocumentView.lines(text(comments.map(\.text)), width: width)
    }

    /// Lines per page for a body of `height` rows: every other row is blank with more space.
    func pages(width: Int, height: Int) -> [[DocumentView.Line]] {
        let perPage = max(largeSpacing ? height / 2 : height, 1)
        let all = lines(width: width)
        return stride(from: 0, to: max(all.count, 1), by: perPage).map { Array(all[$0..<min($0 + perPage, all.count)]) }
    }

    enum Intent: Equatable { case none, comment, leave }

    mutating func handle(_ key: Key, pageCount: Int) -> Intent {
        switch key {
        case .pageDown, .character(" "), .right, .down: page = min(page + 1, pageCount - 1)
        case .pageUp, .left, .up: page = max(page - 1, 0)
        case .home: page = 0
        case .end: page = pageCount - 1
        case .function(4): largeSpacing.toggle(); page = 0
        case .character("c"), .character("C"): return .comment
        case .escape, .function(10), .control("q"): return .leave
        default: break
        }
        return .none
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let bodyTop = 3, bodyHeight = grid.rows - 5, width = grid.columns - 4
        let pages = pages(width: width, height: bodyHeight)
        let shown = min(page, pages.count - 1)
        frame.header(catalog.text(.reviewTitle, ["person": BidiLine.personsWords(summary.person)]),
                     right: catalog.text(.reviewPage, ["number": String(shown + 1), "total": String(pages.count)]), into: &grid)
        if !isSigned { grid.write(" " + catalog.text(.reviewDraft), row: 1, column: 0, style: CellStyle(.muted)) }
        frame.rule(row: 2, into: &grid)
        for (index, drawn) in pages[shown].enumerated() {
            let row = bodyTop + index * (largeSpacing ? 2 : 1)
            grid.write(drawn.text, row: row, column: 2, style: CellStyle(.normal, bold: drawn.isHeading), limit: grid.columns - 2)
        }
        grid.cursor = GridPoint(row: bodyTop, column: 2)
        frame.message(message, into: &grid)
        let keys = grid.rows - 1
        grid.fill(row: keys, style: CellStyle(.keyBar))
        grid.write(" " + catalog.text(.reviewKeys, KeyShortcut.barNames), row: keys, column: 0, style: CellStyle(.keyBar))
    }
}
