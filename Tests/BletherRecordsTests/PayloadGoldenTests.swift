import BletherCore
import BletherRecords
import Foundation
import Testing

/// A whole assessment payload, pinned byte for byte in `Golden/payload-assessment.json` (the
/// signing key, new each run, is written as KEY-ID): ``AssessmentPayload`` writes exactly these
/// bytes, and ``SignedRecordContent`` reads them back to the answers that were signed. A missing
/// golden file fails; `BLETHER_UPDATE_SNAPSHOTS=1` writes it afresh.
@Suite struct PayloadGoldenTests {
    let records = RecordCopyTests()

    @Test func aFullPayloadIsWrittenAndReadAsItsGoldenBytes() throws {
        let session = try records.fullSession()
        let envelope = try records.signed(language: "en-GB", session: session, comments: RecordCopyTests.ownWords)
        let keyID = records.key.identity.keyID
        let written = String(decoding: envelope.payload, as: UTF8.self)
        #expect(written.components(separatedBy: keyID).count == 2, "the key id is written once, as the signer's")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/payload-assessment.json")
        if ProcessInfo.processInfo.environment["BLETHER_UPDATE_SNAPSHOTS"] == "1" {
            try Data(written.replacingOccurrences(of: keyID, with: "KEY-ID").utf8).write(to: url)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Golden/payload-assessment.json is missing: check the payload, then write it with BLETHER_UPDATE_SNAPSHOTS=1")
            return
        }
        #expect(written.replacingOccurrences(of: keyID, with: "KEY-ID") == golden, "the payload differs from Golden/payload-assessment.json")

        // Read back from the golden bytes: every answer signed, with who gave it, and the person's words.
        let bytes = Data(golden.replacingOccurrences(of: "KEY-ID", with: keyID).utf8)
        let content = try SignedRecordContent(envelope: Envelope(payloadType: Envelope.assessmentType, payload: bytes, signatures: []), form: records.form)
        let signed = session.form.sections.flatMap { session.relevantQuestions(in: $0) }.compactMap { question in
            session.answers[question.id].flatMap { $0.value.isEmpty ? nil : (question.id, $0.value, $0.speaker) }
        }
        #expect(!signed.isEmpty)
        for (question, value, speaker) in signed {
            #expect(content.session.answers[question]?.value == value, "\(question)")
            #expect(content.session.answers[question]?.speaker == speaker, "\(question)")
        }
        #expect(content.session.answers.count == signed.count)
        #expect(content.signer.role == .worker && content.signer.keyID == keyID)
        #expect(content.comments.map(\.text) == RecordCopyTests.ownWords.map(\.text))
        #expect(content.chosenOption == .option2 && content.decidedBy != nil)
        #expect(content.session.marks["technology"]?.note == "Phones and alarms; her tablet is enough for now.")
    }
}
