import BletherCore

/// The supported person's own view of one record: read-only, page by page, in plain
/// words and their language. At the top, whether it is signed, by whom and on which day; at
/// the foot, always, that Esc gives the laptop back, beside the other keys the person has.
/// Pages never split a paragraph (``DocumentPages``), and more space between the lines keeps
/// the part being read at the top of the page. They can add their own words; leaving needs
/// the worker's passphrase, so no other record is reachable.
package struct ReviewScreen: Sendable {
    package let summary: ConversationSummary
    package let words: ConversationWording
    /// The record as signed (or, before signing, as written so far).
    package let session: Session
    /// Signed, by whom and when, as verified by the edge that read the record.
    package let signing: ReviewSigning
    /// Everything the person reads, as a document, given their own words so far (made by the edge
    /// that read the record, which alone can read what was signed).
    let text: @Sendable (_ comments: [String]) -> Document
    package internal(set) var comments: [ReviewComment] {
        didSet { document = text(comments.map(\.text)) }
    }
    /// What the person reads now, made once for their words so far (not again for every key).
    private(set) var document: Document
    /// The page shown, counted in the pages as they turn now (see ``anchor``).
    package internal(set) var page = 0
    /// The piece the pages are made to turn at: the one that was at the top of the page when the
    /// lines last re-flowed, so it stays there.
    package internal(set) var anchor = 0
    package internal(set) var largeSpacing = false
    package var message: ScreenMessage?

    /// ```swift
    /// let screen = ReviewScreen(summary: summary, words: words, session: session, signing: .notSigned, comments: []) { comments in
    ///     PersonReviewText.document(session: session, words: words, person: summary.person, content: nil, comments: comments)
    /// }
    /// ```
    package init(summary: ConversationSummary, words: ConversationWording, session: Session, signing: ReviewSigning, comments: [ReviewComment],
                text: @escaping @Sendable (_ comments: [String]) -> Document) {
        self.signing = signing
        self.text = text
        self.summary = summary
        self.words = words
        self.session = session
        self.comments = comments
        document = text(comments.map(\.text))
    }

    var catalog: Catalog { words.catalog }

    /// The record laid out for a screen of this size: its pieces' lines and the pages they make.
    struct Layout {
        let pieces: [DocumentView.Piece]
        let pages: DocumentPages
        /// Every line of every piece, in order (what ``DocumentPages/Page/lines`` counts).
        let lines: [DocumentView.Line]

        func lines(of page: Int) -> ArraySlice<DocumentView.Line> {
            lines[pages.pages[min(max(page, 0), pages.pages.count - 1)].lines]
        }
    }

    func layout(columns: Int, rows: Int) -> Layout {
        let pieces = DocumentView.pieces(document, width: columns - 4)
        let height = bodyHeight(columns: columns, rows: rows)
        // With more space every other row is blank: n lines take 2n − 1 rows.
        let perPage = largeSpacing ? (height + 1) / 2 : height
        let pages = DocumentPages(roles: pieces.map(\.role), heights: pieces.map(\.lines.count), height: perPage, startingAt: anchor)
        return Layout(pieces: pieces, pages: pages, lines: pieces.flatMap(\.lines))
    }

    enum Intent: Equatable { case none, comment, leave }

    mutating func handle(_ key: Key, columns: Int, rows: Int) -> Intent {
        let pages = layout(columns: columns, rows: rows).pages.pages
        let last = pages.count - 1
        page = min(page, last)
        switch key {
        case .pageDown, .character(" "), .right, .down: page = min(page + 1, last)
        case .pageUp, .left, .up: page = max(page - 1, 0)
        case .home: page = 0
        case .end: page = last
        case .function(4):
            let top = pages[page].firstPiece
            largeSpacing.toggle()
            keepPlace(top, columns: columns, rows: rows)
        case .character("c"), .character("C"): return .comment
        case .escape, .function(10), .control("q"): return .leave
        default: break
        }
        return .none
    }

    /// After the window changes size: the piece at the top of the page stays at the top.
    mutating func resize(from old: (columns: Int, rows: Int), to new: (columns: Int, rows: Int)) {
        let pages = layout(columns: old.columns, rows: old.rows).pages.pages
        keepPlace(pages[min(page, pages.count - 1)].firstPiece, columns: new.columns, rows: new.rows)
    }

    /// Makes the pages turn at `piece` and shows the page it begins.
    mutating func keepPlace(_ piece: Int, columns: Int, rows: Int) {
        anchor = piece
        page = layout(columns: columns, rows: rows).pages.page(startingWith: piece) ?? 0
    }

    /// The keys the person can press, over as many rows as they need at this width: none is cut.
    /// Giving the laptop back comes first, so it is always on the bar's first row.
    func keyLines(columns: Int) -> [String] {
        let separator = " · "
        var lines: [String] = [], current = ""
        for part in catalog.text(.reviewKeys, KeyShortcut.barNames).components(separatedBy: separator) {
            let joined = current.isEmpty ? part : current + separator + part
            if TextWidth.of(joined) + 2 > columns, !current.isEmpty {
                lines.append(current)
                current = part
            } else {
                current = joined
            }
        }
        return lines + [current]
    }

    /// Whether it is signed, by whom and when, wrapped to the width: said whole.
    func signingLines(columns: Int) -> [String] {
        TextLayout.lines(signing.text(catalog) { BidiLine.personsWords($0) }, width: columns - 2)
    }

    var title: String { catalog.text(.reviewTitle, ["person": BidiLine.personsWords(summary.person)]) }

    /// The rows the title takes (it wraps, up to three rows, beside the page number).
    func titleRows(columns: Int) -> Int {
        let right = TextWidth.of(catalog.text(.reviewPage, ["number": "00", "total": "00"]))
        return min(TextLayout.lines(title, width: max(columns - right - 4, 10)).count, 3)
    }

    /// The rows the record's pages have at this size: all but the title, the signing line, the
    /// rule under them, a row for a message and the keys.
    func bodyHeight(columns: Int, rows: Int) -> Int {
        rows - titleRows(columns: columns) - signingLines(columns: columns).count - 2 - keyLines(columns: columns).count
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let keyLines = keyLines(columns: grid.columns)
        let layout = layout(columns: grid.columns, rows: grid.rows)
        let shown = min(page, layout.pages.pages.count - 1)
        let titleRows = frame.header(title, right: catalog.text(.reviewPage, ["number": String(shown + 1), "total": String(layout.pages.pages.count)]),
                                     into: &grid)
        let signing = signingLines(columns: grid.columns)
        for (offset, line) in signing.enumerated() {
            grid.write(" " + line, row: titleRows + offset, column: 0, style: CellStyle(.normal, bold: true))
        }
        frame.rule(row: titleRows + signing.count, into: &grid)
        let bodyTop = titleRows + signing.count + 1
        for (index, drawn) in layout.lines(of: shown).enumerated() {
            let row = bodyTop + index * (largeSpacing ? 2 : 1)
            grid.write(drawn.text, row: row, column: 2, style: CellStyle(.normal, bold: drawn.isHeading), limit: grid.columns - 2)
        }
        grid.cursor = GridPoint(row: bodyTop, column: 2)
        frame.message(message, into: &grid, keyRows: keyLines.count)
        for (offset, line) in keyLines.enumerated() {
            let row = grid.rows - keyLines.count + offset
            grid.fill(row: row, style: CellStyle(.keyBar))
            grid.write(" " + line, row: row, column: 0, style: CellStyle(.keyBar))
        }
    }
}
