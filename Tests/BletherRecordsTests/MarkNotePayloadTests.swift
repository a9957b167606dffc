import BletherCore
import BletherRecords
import Foundation
import Testing

/// What was explored in a step marked *nothing here* is signed, read back from the signed
/// bytes, and in the person's copy — with whose words they were.
@Suite struct MarkNotePayloadTests {
    @Test func theNoteIsSignedAndCarriedIntoTheCopy() throws {
        let copies = RecordCopyTests()
        let envelope = try copies.signed(language: "en-GB", session: try copies.fullSession())
        let payload = try CanonicalValue(decoding: envelope.payload)
        let mark = try #require(payload["nothingHere"]?.array?.first)
        #expect(mark["section"]?.string == "technology")
        #expect(mark["note"]?.string == "Phones and alarms; her tablet is enough for now.")
        #expect(mark["by"]?.string == "person")
        let content = try SignedRecordContent(envelope: envelope, form: copies.form)
        #expect(content.session.marks["technology"]?.note == "Phones and alarms; her tablet is enough for now.")
        let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: copies.form, trusted: [copies.key.identity]),
                              earlier: [], words: copies.words("en-GB"))
        let flowing = copy.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("Technology and equipment ======================== We talked about this: nothing to add here. "
                                 + "What we talked about: Phones and alarms; her tablet is enough for now. You said this."), "\(copy.text)")
    }

    @Test func aWorkersAnswerIsSignedAsTheWorkers() throws {
        let copies = RecordCopyTests()
        let payload = try CanonicalValue(decoding: try copies.signed(language: "en-GB", session: try copies.fullSession()).payload)
        let by = Dictionary(uniqueKeysWithValues: (payload["answers"]?.array ?? []).compactMap { entry in
            entry["question"]?.string.map { ($0, entry["by"]?.string ?? "") }
        })
        #expect(by["reasons"] == "worker" && by["decision"] == "worker" && by["advocacy-offered"] == "worker")
        #expect(by["own-words"] == "person" && by["chosen-option"] == "person")
    }
}
