import BletherCore
import BletherRecords
import Foundation
import Testing

@Suite struct PAETests {
    /// The worked example in the DSSE specification (protocol.md).
    @Test func matchesTheDSSESpecificationVector() {
        let bytes = PAE.encode(payloadType: "http://example.com/HelloWorld", payload: Data("hello world".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    }

    @Test func countsBytesNotCharacters() {
        let bytes = PAE.encode(payloadType: "t", payload: Data("Gàidhlig".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "DSSEv1 1 t 9 Gàidhlig")
    }
}

@Suite struct CanonicalValueTests {
    @Test func oneEncodingSortedAndNormalised() throws {
        let value = CanonicalValue.object(["z": .integer(-3), "a": .array([.bool(true), .null]), "é": .string("Cafe\u{301}\n\"q\"")])
        #expect(String(decoding: value.encoded, as: UTF8.self) == "{\"a\":[true,null],\"z\":-3,\"é\":\"Café\\n\\\"q\\\"\"}")
        #expect(try CanonicalValue(decoding: value.encoded) == .object(["z": .integer(-3), "a": .array([.bool(true), .null]), "é": .string("Café\n\"q\"")]))
    }

    @Test(arguments: [
        ("{\"a\":1,\"a\":2}", "the key \"a\" appears twice"),
        ("{\"pounds\":12.50}", "a record holds whole numbers only (money is in pence)"),
        ("{\"a\":1} x", "unexpected bytes after the end of the value"),
        ("{\"a\":\"\u{1}\"}", "a control character inside text"),
    ])
    func refusesWhatIsNotARecord(text: String, problem: String) {
        #expect(throws: CanonicalReadError.self) { try CanonicalValue(decoding: Data(text.utf8)) }
        do { _ = try CanonicalValue(decoding: Data(text.utf8)) } catch { #expect(error.problem == problem) }
    }
}

@Suite struct SignedRecordTests {
    static let worker = try! WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10)
    static let advocate = try! WorkerKeyFile.create(name: "Jo Advocate", role: .advocate, passphrase: "another long passphrase", rounds: 1 << 10)

    static func payload(record: String = "k7m2qx9a", revision: Int = 1, prev: String? = nil, note: String = "Choir on Thursdays") -> Data {
        CanonicalValue.object([
            "kind": .string("blether.assessment"), "record": .string(record), "revision": .integer(revision),
            "prev": prev.map(CanonicalValue.string) ?? .null, "person": .string("Morag"), "answers": .array([.object(["text": .string(note)])]),
        ]).encoded
    }

    let verifier = RevisionVerifier(trusted: [worker.file.identity, advocate.file.identity])

    @Test func aSignedRecordVerifiesAndEveryFlippedByteIsCaught() throws {
        let envelope = try Envelope.sign(payload: Self.payload(), type: Envelope.assessmentType, with: Self.worker.key)
        let stored = envelope.encoded
        #expect(verifier.verify(record: "k7m2qx9a", envelopes: [stored]).failure == nil)
        var undetected: [Int] = []
        for index in stored.indices {
            var tampered = stored
            tampered[index] ^= 0x01
            if verifier.verify(record: "k7m2qx9a", envelopes: [tampered]).failure == nil { undetected.append(index) }
        }
        #expect(undetected == [], "flipping these bytes went unnoticed: \(undetected)")
    }

    @Test func everyFlippedByteOfTheSecondRevisionOrItsLinkIsCaught() throws {
        let first = try Envelope.sign(payload: Self.payload(), type: Envelope.assessmentType, with: Self.worker.key)
        let second = try Envelope.sign(payload: Self.payload(revision: 2, prev: first.revisionID, note: "Changed at review"),
                                       type: Envelope.assessmentType, with: Self.worker.key)
        #expect(verifier.verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded]).failure == nil)
        let stored = second.encoded
        for index in stored.indices {
            var tampered = stored
            tampered[index] ^= 0x20
            #expect(verifier.verify(record: "k7m2qx9a", envelopes: [first.encoded, tampered]).failure != nil, "byte \(index)")
        }
    }

    @Test func aCountersignatureKeepsTheRevisionID() throws {
        var envelope = try Envelope.sign(payload: Self.payload(), type: Envelope.assessmentType, with: Self.worker.key)
        let id = envelope.revisionID
        try envelope.addSignature(with: Self.advocate.key)
        #expect(envelope.revisionID == id)
        let result = verifier.verify(record: "k7m2qx9a", envelopes: [envelope.encoded])
        #expect(result.failure == nil)
        #expect(result.signers == [["Ailsa Grant (worker)", "Jo Advocate (advocate)"]])
    }

    @Test func aForgedRevisionIsNamed() throws {
        let forger = try WorkerKeyFile.create(name: "Someone Else", role: .worker, passphrase: "not the worker at all", rounds: 1 << 10)
        let first = try Envelope.sign(payload: Self.payload(), type: Envelope.assessmentType, with: Self.worker.key)
        let forged = try Envelope.sign(payload: Self.payload(revision: 2, prev: first.revisionID, note: "Budget doubled"),
                                       type: Envelope.assessmentType, with: forger.key)
        let failure = try #require(verifier.verify(record: "k7m2qx9a", envelopes: [first.encoded, forged.encoded]).failure)
        #expect(failure.revision == 2)
        #expect(failure.reason == .unknownKey(forger.file.identity.keyID))
        #expect(failure.description.hasPrefix("record k7m2qx9a revision 2 ("))
    }

    @Test func brokenAndForkedChainsAreNamed() throws {
        let first = try Envelope.sign(payload: Self.payload(), type: Envelope.assessmentType, with: Self.worker.key)
        let unlinked = try Envelope.sign(payload: Self.payload(revision: 2, prev: nil), type: Envelope.assessmentType, with: Self.worker.key)
        #expect(verifier.verify(record: "k7m2qx9a", envelopes: [first.encoded, unlinked.encoded]).failure?.reason
            == .brokenChain(expected: first.revisionID, found: nil))
        let second = try Envelope.sign(payload: Self.payload(revision: 2, prev: first.revisionID), type: Envelope.assessmentType, with: Self.worker.key)
        let fork = try Envelope.sign(payload: Self.payload(revision: 3, prev: first.revisionID), type: Envelope.assessmentType, with: Self.worker.key)
        #expect(verifier.verify(record: "k7m2qx9a", envelopes: [first.encoded, second.encoded, fork.encoded]).failure?.reason
            == .forkedChain(previous: first.revisionID))
    }

    @Test func aWrongPassphraseRevealsNothing() throws {
        #expect(throws: WorkerKeyFile.Problem.wrongPassphrase) { try Self.worker.file.unlock(passphrase: "a long enough passphrasE") }
        #expect(try Self.worker.file.unlock(passphrase: "a long enough passphrase").identity == Self.worker.file.identity)
        #expect(throws: WorkerKeyFile.Problem.passphraseTooShort(minimum: 10)) { try WorkerKeyFile.create(name: "A", role: .worker, passphrase: "short") }
    }

    @Test func answersAreWrittenWithoutFloatingPoint() throws {
        let value = AnswerValue.money(Money(pence: 416050)).canonical
        #expect(String(decoding: value.encoded, as: UTF8.self) == "{\"pence\":416050}")
        #expect(String(decoding: AnswerValue.date(try CalendarDate(parsing: "01/03/2027")).canonical.encoded, as: UTF8.self) == "{\"date\":\"2027-03-01\"}")
    }
}

@Suite struct CanonicalCheckTests {
    @Test func acceptsExactlyWhatTheEncoderWrites() throws {
        let value = CanonicalValue.object(["record": .string("k7m2qx9a"), "revision": .integer(2), "prev": .null,
                                           "answers": .array([.object(["text": .string("Gàidhlig \"quoted\"\nline")]), .integer(-40)])])
        let fields = try CanonicalCheck.topLevelFields(of: value.encoded, named: ["record", "revision", "prev"])
        #expect(fields == ["record": .string("k7m2qx9a"), "revision": .integer(2), "prev": .null])
    }

    @Test(arguments: [
        "{\"a\":1, \"b\":2}", "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":1}", "{\"a\":01}", "{\"a\":-0}", "{\"a\":1.5}",
        "{\"a\":\"Cafe\u{301}\"}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\/\"}", "[1,]", "{\"a\":tru}",
    ])
    func refusesAnythingElse(text: String) {
        #expect(throws: CanonicalReadError.self) { try CanonicalCheck.topLevelFields(of: Data(text.utf8), named: []) }
    }

    @Test func findsAQuoteOrControlCharacterAnywhereInALongText() throws {
        let long = String(repeating: "QUJDRA==", count: 40)
        #expect(throws: Never.self) { try CanonicalCheck.topLevelFields(of: CanonicalValue.string(long).encoded, named: []) }
        for offset in 0..<16 {
            var bytes = Array(CanonicalValue.string(long).encoded)
            bytes[100 + offset] = 0x01
            #expect(throws: CanonicalReadError.self) { try CanonicalCheck.topLevelFields(of: Data(bytes), named: []) }
            bytes[100 + offset] = UInt8(ascii: "\"")
            #expect(throws: CanonicalReadError.self) { try CanonicalCheck.topLevelFields(of: Data(bytes), named: []) }
        }
        // The same after escapes and non-ASCII text, where the word-at-a-time scan starts again.
        let mixed = "£1.00 a week\n" + String(repeating: "plain words ", count: 8) + "— “end”"
        #expect(throws: Never.self) { try CanonicalCheck.topLevelFields(of: CanonicalValue.string(mixed).encoded, named: []) }
        for offset in 0..<24 {
            var bytes = Array(CanonicalValue.string(mixed).encoded)
            bytes[20 + offset] = 0x01
            #expect(throws: CanonicalReadError.self) { try CanonicalCheck.topLevelFields(of: Data(bytes), named: []) }
        }
    }

    @Test func textInNFCIsAcceptedInEveryLanguageAndAnythingElseRefused() throws {
        for text in ["£14,547.86 — “Option 4” × ÷", "Gàidhlig, zażółć gęślą jaźń", "选项4——参考预算：£4,000.00", "آپشن 4 — بجٹ", "Ω and Å composed"] {
            #expect(throws: Never.self, "\(text)") { try CanonicalCheck.topLevelFields(of: CanonicalValue.string(text).encoded, named: []) }
        }
        // Decomposed letters, a character NFC replaces (the ohm sign), and bytes that are not UTF-8.
        let refused: [[UInt8]] = [Array("\"Cafe\u{301}\"".utf8), Array("\"\u{2126}\"".utf8),
                                  [0x22, 0xC0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x80, 0x22], [0x22, 0xFF, 0x22]]
        for bytes in refused {
            #expect(throws: CanonicalReadError.self, "\(bytes)") { try CanonicalCheck.topLevelFields(of: Data(bytes), named: []) }
        }
    }
}

@Suite struct UntrustedInputTests {
    @Test func oddKeyIdsNeverCrashAFingerprint() {
        #expect(KeyIdentity.fingerprint(of: "abc") == "abc")
        #expect(KeyIdentity.fingerprint(of: "") == "")
        #expect(KeyIdentity.fingerprint(of: "0123456789abcdef0123") == "0123 4567 89ab cdef")
    }

    @Test func escapesBletherNeverWritesAreRefused() {
        for text in ["{\"a\":\"\\u000a\"}", "{\"a\":\"\\u001F\"}", "{\"a\":\"\\u0020\"}"] {
            #expect(throws: CanonicalReadError.self) { try CanonicalCheck.topLevelFields(of: Data(text.utf8), named: []) }
        }
        #expect(throws: Never.self) { try CanonicalCheck.topLevelFields(of: CanonicalValue.string("bell \u{7}").encoded, named: []) }
    }

    @Test func aPayloadNamingAnotherSignerFails() throws {
        let worker = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10)
        let advocate = try WorkerKeyFile.create(name: "Jo Advocate", role: .advocate, passphrase: "another long passphrase", rounds: 1 << 10)
        let payload = CanonicalValue.object([
            "record": .string("k7m2qx9a"), "revision": .integer(1), "prev": .null,
            "signer": .object(["keyID": .string(worker.file.identity.keyID), "name": .string("Ailsa Grant"), "role": .string("worker")]),
        ]).encoded
        let signedByAdvocate = try Envelope.sign(payload: payload, type: Envelope.assessmentType, with: advocate.key)
        let verifier = RevisionVerifier(trusted: [worker.file.identity, advocate.file.identity])
        #expect(verifier.verify(record: "k7m2qx9a", envelopes: [signedByAdvocate.encoded]).failure?.reason == .signerMismatch(named: "Ailsa Grant"))
        let signedByWorker = try Envelope.sign(payload: payload, type: Envelope.assessmentType, with: worker.key)
        #expect(verifier.verify(record: "k7m2qx9a", envelopes: [signedByWorker.encoded]).failure == nil)
    }
}
