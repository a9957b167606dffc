import BletherCore
import BletherForms
import BletherRecords
import BletherTestSupport
import Foundation
import Testing

/// The council's words in a copy in another language than the conversation's: the summary gives
/// the installed text in the copy's language only when the installed rules file is the very one
/// signed; otherwise the text as signed, said to be so. And the easy read says who signed it.
@Suite struct PersonSummaryCouncilWordsTests {
    let copies = RecordCopyTests()

    /// An English conversation signed with the rules' hash `hash` (the installed file's, unless given).
    func signedCopy(language: String, rulesSHA256 hash: String? = nil) throws -> RecordCopy {
        let session = try copies.fullSession()
        let costing = try #require(ConversationCosting(session: session))
        let installed = try #require(costing.rules.fileSHA256, "the installed rules know their file's hash")
        let record = try CostingRecord(costing: costing, words: copies.words("en-GB"), rulesSHA256: hash ?? installed)
        let payload = AssessmentPayload(record: "k7m2qx9a", revision: 1, previous: nil, form: copies.form, formSHA256: "0",
                                        person: "Morag Campbell", language: "en-GB", session: session, readBack: nil, signer: copies.key.identity,
                                        sealedAt: Date(timeIntervalSince1970: 1_800_000_000), comments: [], costing: record)
        let envelope = try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: copies.key)
        return RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity]), earlier: [],
                          words: copies.words(language))
    }

    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    static let english = "If you disagree with a decision"

    /// The hash the library gives installed rules is the one signing and deciding take of the file.
    @Test func theInstalledRulesHashIsTheFilesAsSigningTakesIt() throws {
        for loaded in try #require(RecordCopyTests.library.costingRules as [LoadedCostingRules]?) {
            #expect(loaded.rules.fileSHA256 == (try ContentHash.sha256(fileAt: loaded.url)), "\(loaded.file)")
        }
    }

    @Test(arguments: ["pl", "gd", "zh-Hans", "ur"])
    func theVeryRulesSignedGiveTheChallengeInTheCopysLanguage(language: String) throws {
        let copy = try signedCopy(language: language)
        let summary = flat(copy.text(of: copy.personSummary))
        let rules = try #require(copy.content.session.form.costingRules.first)
        // Chinese wraps between characters, so compare without any spacing.
        func bare(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        #expect(bare(summary).contains(bare(rules.challenge.text(language: language))))
        #expect(!summary.contains(Self.english), "no English challenge in a \(language) summary")
        #expect(!summary.contains(copy.words.catalog.text(.copyAsSignedEnglish)))
    }

    @Test func otherRulesBytesShowTheSignedTextSaidToBeEnglishOnce() throws {
        let copy = try signedCopy(language: "pl", rulesSHA256: "0")
        let summary = flat(copy.text(of: copy.personSummary))
        let note = copy.words.catalog.text(.copyAsSignedEnglish)
        #expect(note == "Ta część jest pokazana tak, jak została podpisana, po angielsku.")
        let noted = try #require(summary.range(of: note))
        let english = try #require(summary.range(of: Self.english))
        #expect(noted.upperBound < english.lowerBound)
        #expect(summary.components(separatedBy: note).count == 2, "said once")
        // In English, the signed text needs no note.
        let same = try signedCopy(language: "en-GB", rulesSHA256: "0")
        #expect(!flat(same.text(of: same.personSummary)).contains("shown as it was signed"))
    }

    /// The full record shows the costing's explanation as signed, said to be so in a copy in another language.
    @Test func theFullRecordSaysTheExplanationIsShownAsSigned() throws {
        let copy = try signedCopy(language: "pl")
        let full = flat(copy.text(of: copy.fullRecord))
        let note = try #require(full.range(of: copy.words.catalog.text(.copyAsSignedEnglish)))
        let explanation = try #require(full.range(of: "How the indicative budget was worked out"))
        #expect(note.upperBound < explanation.upperBound)
        let english = try signedCopy(language: "en-GB")
        #expect(!flat(english.text(of: english.fullRecord)).contains("shown as it was signed"))
    }

    /// The easy read ends with who signed it, by the verified names, and the number to check it by.
    @Test func theEasyReadSaysWhoSignedItAndItsNumber() throws {
        let copy = try copies.copy(language: "en-GB")
        let easy = flat(copy.text(of: copy.easyRead))
        #expect(easy.contains("Ailsa Grant, worker, signed this on 15 January 2027."))
        #expect(easy.contains("Jo Advocate, advocate, signed this on"))
        #expect(easy.hasSuffix("To check this copy, your worker can read you this number: \(KeyIdentity.fingerprint(of: copy.content.revisionID))"))
        #expect(copy.html(of: copy.easyRead).contains(KeyIdentity.fingerprint(of: copy.content.revisionID)))
        // A conversation not yet signed has nobody to name and no number.
        let unsigned = PersonSummary(session: copy.content.session, words: copies.words("en-GB"), person: "Morag Campbell")
        #expect(!flat(DocumentWrappedText(unsigned.easyRead, width: 72).text).contains("signed this"))
    }
}
