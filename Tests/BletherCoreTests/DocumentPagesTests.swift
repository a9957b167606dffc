import BletherCore
import Testing

/// Pages never split a paragraph, never start with the blank between sections, never leave a
/// heading at the foot of a page, and can be made to turn at a piece so the reader keeps their place.
@Suite struct DocumentPagesTests {
    typealias Role = DocumentPiece.Role

    /// The pieces each page shows whole, as (first piece, lines).
    func cut(_ roles: [Role], _ heights: [Int], height: Int, anchor: Int = 0) -> [Range<Int>] {
        DocumentPages(roles: roles, heights: heights, height: height, startingAt: anchor).pages.map(\.lines)
    }

    @Test func aParagraphThatDoesNotFitStartsTheNextPageWhole() {
        // Three paragraphs of 3 lines on pages of 5: never 3 + 2 | 1 + …
        #expect(cut([.text, .text, .text], [3, 3, 3], height: 5) == [0..<3, 3..<6, 6..<9])
        #expect(cut([.text, .text, .text], [2, 3, 4], height: 5) == [0..<5, 5..<9])
    }

    @Test func aHeadingGoesWithWhatFollowsItAndNoPageStartsWithTheBlankBetweenSections() {
        // text(3) gap(1) heading(1) text(3), pages of 5: the heading would fit under the gap, but goes over with its text.
        let roles: [Role] = [.text, .gap, .heading, .text]
        #expect(cut(roles, [3, 1, 1, 3], height: 5) == [0..<4, 4..<8])
        // The gap falls exactly where the page turns: the next page starts with the heading.
        #expect(cut(roles, [4, 1, 1, 3], height: 4) == [0..<4, 5..<9])
    }

    @Test func onlyAPieceTallerThanAPageRunsOnAndItStartsAPage() {
        #expect(cut([.text, .text, .text], [2, 12, 1], height: 5) == [0..<2, 2..<7, 7..<12, 12..<15])
        let pages = DocumentPages(roles: [.text, .text, .text], heights: [2, 12, 1], height: 5).pages
        #expect(pages.map(\.firstPiece) == [0, 1, 1, 1], "a page run on from the one before is that piece's")
    }

    @Test func pagesCanTurnAtTheAnchorSoThePlaceIsKept() {
        let roles = [Role](repeating: .text, count: 6)
        let heights = [2, 2, 2, 2, 2, 2]
        #expect(cut(roles, heights, height: 4) == [0..<4, 4..<8, 8..<12])
        // Piece 3 was at the top: it stays at the top of a page however big the pages are now.
        let bigger = DocumentPages(roles: roles, heights: heights, height: 8, startingAt: 3)
        #expect(bigger.pages.map(\.lines) == [0..<6, 6..<12])
        #expect(bigger.page(startingWith: 3) == 1)
        let smaller = DocumentPages(roles: roles, heights: heights, height: 2, startingAt: 3)
        #expect(smaller.pages[smaller.page(startingWith: 3)!].lines.lowerBound == 6)
    }

    @Test func theDocumentsPiecesAreItsPlainTextInTheSameOrder() {
        let document = Document(sections: [
            DocumentSection(heading: DocumentHeading(level: 1, text: "What matters to you"), blocks: [
                .paragraph("Singing."), .list(DocumentList(items: [DocumentItem("Choir", details: ["Thursdays"]), DocumentItem("Walks")])),
            ]),
            DocumentSection(heading: DocumentHeading(level: 2, text: "Who helps"), blocks: [
                .answer(AttributedAnswer(question: "Who?", body: .text(["Ann, my daughter"]), by: "(the person)")),
            ]),
        ])
        let pieces = DocumentPiece.pieces(of: document)
        #expect(pieces.map(\.role) == [.heading, .text, .text, .text, .gap, .heading, .text])
        #expect(pieces.map(\.lines.count) == [1, 1, 2, 1, 1, 1, 3], "each list item with its details, each answer whole")
        #expect(pieces.flatMap(\.lines).map(\.printed) == DocumentPlainText(document).lines)
    }
}
