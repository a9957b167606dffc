import BletherCore
import BletherRecords
import Testing

/// How the budget was worked out, read back from a signed record as a document: its structure
/// when working it out again gives exactly the signed text, otherwise the signed text as it is.
@Suite struct CostingDocumentTests {
    let copies = RecordCopyTests()

    @Test func theSignedExplanationKeepsItsStructureWhenItIsWorkedOutTheSame() throws {
        let content = try SignedRecordContent(envelope: try copies.signed(language: "gd", session: try copies.fullSession()), form: copies.form)
        let signed = try #require(content.costingExplanation)
        let document = try #require(content.costingDocument(copies.words("gd")))
        #expect(document.text == signed)
        #expect(document.sections.contains { $0.heading?.level == 2 }, "the options are headed sections")
    }

    /// Read in another language than it was signed in, it is never translated or rebuilt: the
    /// signed words, line by line, with nothing guessed from them.
    @Test func inAnotherLanguageTheSignedTextIsShownAsSigned() throws {
        let content = try SignedRecordContent(envelope: try copies.signed(language: "gd", session: try copies.fullSession()), form: copies.form)
        let document = try #require(content.costingDocument(copies.words("en-GB")))
        #expect(document.text == content.costingExplanation)
        #expect(document.sections.count == 1 && document.sections[0].heading == nil)
        #expect(document.sections[0].blocks.allSatisfy { if case .paragraph = $0 { true } else { false } })
    }
}
