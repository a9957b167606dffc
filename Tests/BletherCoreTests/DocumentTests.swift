import BletherCore
import Testing

/// The small document the read-back and the costing explanation are built as, and its
/// renderings: the plain text that is hashed, html for the person's copy, wrapped text.
@Suite struct DocumentTests {
    let document = Document(sections: [
        DocumentSection(heading: DocumentHeading(level: 1, text: "Title for " + .inserted("Morag")), blocks: [.paragraph("Please listen.")]),
        DocumentSection(heading: DocumentHeading(level: 2, text: "People"), blocks: [
            .answer(AttributedAnswer(question: "Who helps?", body: .items([DocumentItem(.inserted("Ann") + " — " + .inserted("daughter"),
                                                                                         details: ["Does now: " + .inserted("shopping")])]),
                                     by: "(the person)")),
            .answer(AttributedAnswer(question: "In your words", body: .text([.inserted("line one"), .inserted("<b>two</b>")]), by: "(the carer)")),
            .answer(AttributedAnswer(question: "Nothing to add", body: .text([]), by: nil)),
        ]),
        DocumentSection(heading: DocumentHeading(level: 2, text: "Plan"), blocks: [.list(DocumentList(items: [DocumentItem("Helper: 2 hours"), DocumentItem("Alarm")], numbered: true))]),
        DocumentSection(blocks: []),
        DocumentSection(blocks: [.paragraph("The end.")]),
    ])

    /// The plain text sets in items two spaces and answers four, with a blank line after every
    /// section but the last — an empty section is a blank line of its own.
    @Test func thePlainTextIsLaidOutByTheStructure() {
        #expect(document.text == """
            Title for Morag
            Please listen.

            People
              Who helps?
                Ann — daughter
                  Does now: shopping
                (the person)
              In your words
                line one
                <b>two</b>
                (the carer)
              Nothing to add

            Plan
              1. Helper: 2 hours
              2. Alarm


            The end.
            """)
    }

    @Test func htmlHasHeadingsListsAndAttributedAnswersWithWhatAPersonGaveIsolated() {
        let html = DocumentHTML(document).body
        #expect(html.contains("<h1>Title for <bdi>Morag</bdi></h1>"))
        #expect(html.contains("<h2>People</h2>\n<dl>\n<dt>Who helps?</dt>\n<dd><ul><li><bdi>Ann</bdi> — <bdi>daughter</bdi><ul><li>Does now: <bdi>shopping</bdi></li></ul></li></ul></dd>\n<dd class=\"by\">(the person)</dd>"))
        #expect(html.contains("<dd dir=\"auto\">line one<br>&lt;b&gt;two&lt;/b&gt;</dd>"), "an answer keeps its lines, escaped, in its own direction")
        #expect(html.contains("<dt>Nothing to add</dt>\n</dl>"))
        #expect(html.contains("<ol>\n<li>Helper: 2 hours</li>\n<li>Alarm</li>\n</ol>"))
        #expect(!html.contains("<b>"))
    }

    @Test func aBidiControlAPersonTypedIsShownAndNeverObeyedInHtml() {
        let html = DocumentHTML(Document(sections: [DocumentSection(blocks: [.paragraph("By " + .inserted("\u{202E}evil"))])])).body
        #expect(html.contains("<p>By <bdi>&lt;U+202E&gt;evil</bdi></p>"))
        #expect(!html.unicodeScalars.contains { BidiIsolation.isControl($0) })
    }

    @Test func wrappedTextUnderlinesTopHeadingsAndKeepsIndents() {
        let text = DocumentWrappedText(document, width: 16).text
        #expect(text.hasPrefix("Title for Morag\n===============\nPlease listen.\n\nPeople\n======\n  Who helps?\n    Ann —\n    daughter\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 16 })
    }

    /// Wrapping counts display columns: a Chinese character takes two, and a heading's
    /// underline is as wide as the heading.
    @Test func wrappedTextCountsDisplayColumns() {
        #expect(DocumentWrappedText.wrap("我的家很好", width: 6) == ["我的家", "很好"])
        #expect(DocumentWrappedText.wrap("我的 家很好", width: 5) == ["我的", "家很", "好"])
        let chinese = Document(sections: [DocumentSection(heading: DocumentHeading(level: 1, text: "您的评估记录"), blocks: [.paragraph("我们谈到了对您重要的事情。")])])
        #expect(DocumentWrappedText(chinese, width: 16).text == "您的评估记录\n============\n我们谈到了对您重\n要的事情。\n")
    }

    /// A catalog entry with a name in it keeps the name as its own run, and the plain text is
    /// exactly the catalog's text.
    @Test func catalogTextKeepsAnInsertedNameApart() {
        let catalog = Catalog(language: "en-GB", name: "English", reviewed: true,
                              entries: ["ui.readback.title": .text("Written for {person}, {missing} and {person}")])
        let text = catalog.document(.readbackTitle, ["person": "Mòrag"], inserted: ["person"])
        #expect(text.runs == [.words("Written for "), .inserted("Mòrag"), .words(", {missing} and "), .inserted("Mòrag")])
        #expect(text.plain == catalog.text(.readbackTitle, ["person": "Mòrag"]))
    }

    @Test func linesSplitRunsAtLineBreaks() {
        let text = DocumentText("Note: ") + .inserted("one\n\ntwo")
        #expect(text.lines == [DocumentText("Note: ") + .inserted("one"), DocumentText(""), .inserted("two")])
    }
}
