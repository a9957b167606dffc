import BletherCore
import BletherRecords
import Foundation
import Testing

/// A revision that would say nothing new is recognised as unchanged; any change in what the
/// conversation says is not.
@Suite struct UnchangedRevisionTests {
    let records = RecordCopyTests()

    /// The payload a second revision after `first` would carry, sealed later, perhaps by someone else.
    func next(after first: Envelope, session: Session, comments: [PersonComment] = [], signer: KeyIdentity? = nil,
              readBackAt: Date = Date(timeIntervalSince1970: 1_800_000_000)) throws -> CanonicalValue {
        let costing = try CostingRecord(costing: try #require(ConversationCosting(session: session)), words: records.words("en-GB"), rulesSHA256: "0")
        return AssessmentPayload(record: "k7m2qx9a", revision: 2, previous: first.revisionID, form: records.form, formSHA256: "0",
                                 person: "Morag Campbell", language: "en-GB", session: session,
                                 readBack: ReadBackShown(language: "en-GB", sha256: "ab", at: readBackAt), signer: signer ?? records.key.identity,
                                 sealedAt: Date(timeIntervalSince1970: 1_800_900_000), comments: comments, costing: costing).canonical
    }

    func first(_ session: Session, comments: [PersonComment] = []) throws -> Envelope {
        let costing = try CostingRecord(costing: try #require(ConversationCosting(session: session)), words: records.words("en-GB"), rulesSHA256: "0")
        let payload = AssessmentPayload(record: "k7m2qx9a", revision: 1, previous: nil, form: records.form, formSHA256: "0", person: "Morag Campbell",
                                        language: "en-GB", session: session,
                                        readBack: ReadBackShown(language: "en-GB", sha256: "ab", at: Date(timeIntervalSince1970: 1_799_000_000)),
                                        signer: records.key.identity, sealedAt: Date(timeIntervalSince1970: 1_800_000_000), comments: comments, costing: costing)
        return try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: records.key)
    }

    @Test func theSameConversationSealedAgainIsUnchanged() throws {
        let session = try records.fullSession()
        let signed = try first(session)
        // Later, as the next revision, by another worker, after the same summary was read back again: nothing new.
        let colleague = KeyIdentity(name: "Iain Colleague", role: .worker, publicKey: records.advocate.identity.publicKey)
        #expect(UnchangedRevision.isUnchanged(try next(after: signed, session: session, signer: colleague,
                                                        readBackAt: Date(timeIntervalSince1970: 1_800_800_000)), since: signed))
        // The same answers, by the same people, given again later: still nothing new.
        var retyped = session
        for question in ["skills", "agreement", "own-words"] {
            let answer = try #require(session.answers[question])
            _ = try retyped.handle(.answer(question: question, value: answer.value), at: Date(timeIntervalSince1970: 1_800_700_000))
        }
        #expect(retyped.answers["skills"]?.at != session.answers["skills"]?.at)
        #expect(UnchangedRevision.isUnchanged(try next(after: signed, session: retyped), since: signed))
    }

    @Test func anyChangeInWhatTheConversationSaysIsNew() throws {
        let session = try records.fullSession()
        let signed = try first(session)
        // A changed answer.
        var changed = session
        _ = try changed.handle(.answer(question: "skills", value: .text("Baking, and the crossword.")), at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(!UnchangedRevision.isUnchanged(try next(after: signed, session: changed), since: signed))
        // The same answer given again by someone else.
        var otherSpeaker = session
        _ = try otherSpeaker.handle(.setSpeaker(.carer), at: Date(timeIntervalSince1970: 1_800_000_000))
        _ = try otherSpeaker.handle(.answer(question: "skills", value: .text("Baking, and remembering everyone's birthday.")),
                                    at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(!UnchangedRevision.isUnchanged(try next(after: signed, session: otherSpeaker), since: signed))
        // The person's own words added in review.
        #expect(!UnchangedRevision.isUnchanged(try next(after: signed, session: session, comments: RecordCopyTests.ownWords), since: signed))
        // A changed agreement.
        var disagrees = session
        _ = try disagrees.handle(.answer(question: "agreement", value: .choice("does-not-agree", other: nil)), at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(!UnchangedRevision.isUnchanged(try next(after: signed, session: disagrees), since: signed))
        // Words already carried are not new.
        let withWords = try first(session, comments: RecordCopyTests.ownWords)
        #expect(UnchangedRevision.isUnchanged(try next(after: withWords, session: session, comments: RecordCopyTests.ownWords), since: withWords))
    }
}
