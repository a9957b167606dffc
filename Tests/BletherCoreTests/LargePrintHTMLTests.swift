@testable import BletherCore
import Foundation
import Testing

/// The large-print page: no text below 18 pt anywhere, generous line spacing, a print style,
/// real headings, and the copy's language and direction.
@Suite struct LargePrintHTMLTests {
    let document = Document(sections: [
        DocumentSection(heading: DocumentHeading(level: 1, text: "Your assessment record"), blocks: [.paragraph(.inserted("Morag Campbell"))]),
        DocumentSection(heading: DocumentHeading(level: 2, text: "What matters to you"), blocks: [
            .answer(AttributedAnswer(question: "What matters to you?", body: .text([.inserted("My garden.")]), by: "you said")),
            .list(DocumentList(items: [DocumentItem("Singing", details: ["on a Thursday"])])),
        ]),
        DocumentSection(heading: DocumentHeading(level: 3, text: "Step 1"), blocks: [.entry(DocumentEntry(term: "Revision 1", descriptions: ["Signed."]))]),
    ])

    /// Every `font-size` in the page's style sheets, as written.
    static func fontSizes(in html: String) -> [String] {
        html.matches(of: /font-size\s*:\s*([^;}]+)/).map { String($0.1).trimmingCharacters(in: .whitespaces) }
    }

    @Test func noTextOnThePageIsSmallerThanEighteenPoints() throws {
        let html = LargePrintHTML(document, language: "en-GB", rightToLeft: false, title: "Your assessment record — Morag Campbell").html
        let sizes = Self.fontSizes(in: html)
        #expect(sizes.count >= 8, "every element sets its size: \(sizes)")
        for size in sizes {
            // Points only: a relative size (em, %, smaller) could shrink text inside another element.
            let points = try #require(size.wholeMatch(of: /(\d+(?:\.\d+)?)pt/), "\(size) is not a size in points")
            #expect(Double(points.1)! >= 18, "\(size) is below 18 pt")
        }
        // Nothing else can make text smaller: no shorthand, no inline style, no small print.
        #expect(!html.contains("font:") && !html.contains("style=\"") && !html.contains("zoom"))
        for tag in ["<small", "<sub", "<sup", "<font"] { #expect(!html.contains(tag), "\(tag)") }
        // Generous spacing between lines for the body, and a print style sheet that keeps 18 pt.
        let body = try #require(html.firstMatch(of: /body \{[^}]*\}/)).0
        let spacing = try #require(body.firstMatch(of: /line-height:\s*([\d.]+)/))
        #expect(Double(spacing.1)! >= 1.5)
        let print = try #require(html.firstMatch(of: /@media print \{[\s\S]*?\n\}/)).0
        #expect(print.contains("font-size: 18pt") && print.contains("@page"))
        #expect(!html.lowercased().contains("<script") && !html.contains("http"))
    }

    @Test func theDocumentsHeadingsLanguageAndDirectionAreOnThePage() {
        let html = LargePrintHTML(document, language: "ur", rightToLeft: true, title: "ریکارڈ").html
        #expect(html.contains("<html lang=\"ur\" dir=\"rtl\">"))
        #expect(html.contains("<h1>Your assessment record</h1>") && html.contains("<h2>What matters to you</h2>") && html.contains("<h3>Step 1</h3>"))
        // What a person gave keeps its own direction in a right-to-left page.
        #expect(html.contains("<bdi>Morag Campbell</bdi>") && html.contains("<dd dir=\"auto\">My garden.</dd>"))
        #expect(html.contains("<title>ریکارڈ</title>"))
        let english = LargePrintHTML(document, language: "en-GB", rightToLeft: false, title: "t").html
        #expect(english.contains("<html lang=\"en-GB\" dir=\"ltr\">"))
    }

    @Test func aTitleOrLanguageCannotBreakOutOfItsPlace() {
        let html = LargePrintHTML(document, language: "en\"><script>", rightToLeft: false, title: "</title><script>alert(1)</script>").html
        #expect(!html.contains("<script"))
    }
}
