import BletherCore
import BletherForms
import BletherRecords
import Foundation
import Testing

/// A record signed by Blether before answers had one codec (`Golden/bundle-signed-before-one-codec.json`,
/// made by `blether export --format bundle`) still verifies and reads, and every answer in it
/// reads to a value that writes back to exactly the bytes that were signed.
@Suite struct EarlierRecordTests {
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))

    @Test func aRecordSignedEarlierStillVerifiesAndReadsByteForByte() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/bundle-signed-before-one-codec.json")
        let bundle = try RecordBundle(decoding: try Data(contentsOf: url))
        let key = try #require(bundle.publicKeys.first)
        let worker = KeyIdentity(name: "Ailsa Grant", role: .worker, publicKey: key.base64EncodedString())
        let result = RevisionVerifier(trusted: [worker]).verify(record: bundle.record, envelopes: bundle.envelopes)
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.listedState != nil)

        let envelope = try Envelope(decoding: try #require(bundle.envelopes.last))
        let payload = try CanonicalValue(decoding: envelope.payload)
        #expect(payload.encoded == envelope.payload, "the one encoder writes the signed bytes exactly")
        let formID = try #require(payload["form"]?["id"]?.string), formVersion = try #require(payload["form"]?["version"]?.integer)
        let form = try #require(Self.library.form(id: formID, version: formVersion))
        let content = try SignedRecordContent(envelope: envelope, form: form)
        let entries = try #require(payload["answers"]?.array)
        #expect(!entries.isEmpty)
        for entry in entries {
            let question = try #require(entry["question"]?.string)
            let signed = try #require(entry["value"])
            let value = try AnswerValue(canonical: signed)
            #expect(value.canonical.encoded == signed.encoded, "\(question) writes back as signed")
            #expect(content.session.answers[question]?.value == value, "\(question)")
        }
        #expect(content.session.answers.count == entries.count)
        #expect(content.signer.role == .worker)
    }
}
