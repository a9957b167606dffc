/// A document's pieces (``DocumentPiece``) cut into pages of a given height, by the one rule
/// both faces keep: a piece is never split across two pages — a paragraph, an answer, an item
/// is read whole — unless it alone is taller than a page, when it starts a page and runs on at
/// a line; a heading is never left at the foot of a page without what follows it; and no page
/// begins with the blank line between sections.
///
/// Pages can be made to turn at a given piece (`startingAt`): after the lines are re-flowed
/// (more space between them, a window of another size), the piece that was at the top of the
/// page stays at the top, instead of the reader being sent back to page 1.
///
/// ```swift
/// let pieces = DocumentPiece.pieces(of: document)
/// let pages = DocumentPages(roles: pieces.map(\.role), heights: pieces.map(\.lines.count), height: 20)
/// let again = DocumentPages(roles: roles, heights: heights, height: 9, startingAt: pages.pages[2].firstPiece)
/// ```
package struct DocumentPages: Sendable, Equatable {
    /// One page: which lines it shows, counted over all the pieces' lines in order.
    package struct Page: Sendable, Equatable {
        package let lines: Range<Int>
        /// The piece whose line is at the top of the page (for a piece run on from the page
        /// before, that piece).
        package let firstPiece: Int
    }

    package let pages: [Page]

    /// - Parameters:
    ///   - roles: each piece's role, in reading order.
    ///   - heights: how many lines each piece takes, as laid out.
    ///   - height: lines a page holds (at least 1).
    ///   - anchor: a piece that must begin a page (pages before it are cut from the start as usual).
    package init(roles: [DocumentPiece.Role], heights: [Int], height: Int, startingAt anchor: Int = 0) {
        precondition(roles.count == heights.count, "one height for each piece")
        let height = max(height, 1)
        var starts: [Int] = []
        var total = 0
        for lines in heights {
            starts.append(total)
            total += max(lines, 0)
        }
        func piece(holding line: Int) -> Int {
            heights.indices.first { heights[$0] > 0 && starts[$0] <= line && line < starts[$0] + heights[$0] } ?? 0
        }
        var pages: [Page] = []
        var top: (line: Int, piece: Int)?
        var used = 0
        func close(at end: Int) {
            if let open = top, end > open.line { pages.append(Page(lines: open.line..<end, firstPiece: open.piece)) }
            top = nil
            used = 0
        }
        var index = 0
        while index < roles.count {
            guard heights[index] > 0 else { index += 1; continue }
            if index == anchor, top != nil { close(at: starts[index]) }
            if roles[index] == .gap {
                // A blank line between sections goes at the foot of a page, or where the page turns: never at its top.
                if top != nil, used + heights[index] <= height {
                    used += heights[index]
                } else {
                    close(at: starts[index])
                }
                index += 1
                continue
            }
            // A heading goes with what follows it (unless the next piece must begin a page).
            var end = index
            while end + 1 < roles.count, roles[end] == .heading, roles[end + 1] != .gap, end + 1 != anchor { end += 1 }
            let groupEnd = starts[end] + heights[end]
            let groupHeight = groupEnd - starts[index]
            if top == nil { top = (starts[index], index) }
            if used + groupHeight <= height {
                used += groupHeight
                index = end + 1
                continue
            }
            if used > 0 {
                // It does not fit below what is on this page: it starts the next one whole.
                close(at: starts[index])
                continue
            }
            // Taller than a whole page: it begins this page and runs on, turning at a line.
            var line = starts[index]
            while groupEnd - line > height {
                pages.append(Page(lines: line..<(line + height), firstPiece: piece(holding: line)))
                line += height
            }
            top = (line, piece(holding: line))
            used = groupEnd - line
            index = end + 1
        }
        close(at: total)
        self.pages = pages.isEmpty ? [Page(lines: 0..<0, firstPiece: 0)] : pages
    }

    /// The page whose top is `piece`'s first line, if one is.
    package func page(startingWith piece: Int) -> Int? {
        pages.firstIndex { $0.firstPiece == piece }
    }

    /// The page that shows the line `line`, or the last page.
    package func page(showing line: Int) -> Int {
        pages.firstIndex { $0.lines.contains(line) } ?? pages.count - 1
    }
}
