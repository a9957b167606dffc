import BletherCore
import BletherRecords
import BletherStore
import Foundation
import GRDB
import Testing

/// A whole conversation in plain mode ends in a sealed, verified record; a second revision
/// links to the first; a countersignature verifies; a forged revision is named.
@Suite(.serialized) final class SignedRecordEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-signed-\(UUID().uuidString)")
    let advocateHome = FileManager.default.temporaryDirectory.appendingPathComponent("blether-advocate-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: advocateHome)
    }

    func blether(home: URL? = nil, passphrase: String = "a long enough passphrase") throws -> BletherProcess {
        let directory = home ?? self.home
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("passphrase.txt")
        try (passphrase + "\n").write(to: file, atomically: true, encoding: .utf8)
        var process = BletherProcess(home: directory, withKey: false)
        process.extraEnvironment["BLETHER_PASSPHRASE_FILE"] = file.path
        return process
    }

    @Test func aWholeConversationEndsInASignedRecordThatVerifies() throws {
        let worker = try blether()
        #expect(try worker.run(["keys", "init", "--name", "Ailsa Grant"]).status == 0)
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
        let first = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: script)
        #expect(first.output.contains("What we have written together, for Morag Campbell"))
        #expect(first.output.contains("The record is signed: revision 1"), "\(first.output.suffix(600))")
        let id = try #require(first.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        #expect(try worker.run(["list"]).output.contains("signed"))

        let verified = try worker.run(["verify", id])
        #expect(verified.status == 0)
        #expect(verified.output.contains("verified record \(id): 1 revision, latest signed by Ailsa Grant (worker)"))

        // A correction is a new revision linked to the first.
        // After a change, the summary must be read back again before signing.
        let second = try worker.run(["--plain", "resume", id], input: ":jump 13\nAilsa Grant\n:sign\n:jump 14\n\n:sign\n:quit\n")
        #expect(second.output.contains("The answers have changed since the summary was read back."), "\(second.output.suffix(600))")
        #expect(second.output.contains("The record is signed: revision 2"), "\(second.output.suffix(400))")
        let store = try BletherProcess(home: home).openStore()
        let revisions = try store.revisions(record: id)
        #expect(revisions.count == 2)
        let payload = try CanonicalValue(decoding: try Envelope(decoding: revisions[1].envelope).payload)
        #expect(payload["prev"]?.string == revisions[0].revisionID)
        #expect(payload["readBack"]?["language"]?.string == "en-GB")
        #expect(payload["agreement"]?["agreement"]?["value"]?["choice"]?.string == "agrees")
        #expect(payload["answers"]?.array?.contains { $0["question"]?.string == "indicative-budget" && $0["value"]?["pence"]?.integer == 416000 } == true)
        #expect(try worker.run(["verify", "--all"]).output.contains("2 revisions"))

        // An advocate countersigns with their own key; the revision id does not change.
        let advocate = try blether(home: advocateHome, passphrase: "the advocate's own words")
        #expect(try advocate.run(["keys", "init", "--name", "Jo Advocate", "--role", "advocate"]).status == 0)
        let publicKey = advocateHome.appendingPathComponent("jo.json")
        try advocate.run(["keys", "show", "--json"]).output.write(to: publicKey, atomically: true, encoding: .utf8)
        #expect(try worker.run(["keys", "trust", publicKey.path]).status == 0)
        let countersigned = try worker.run(["countersign", id, "--key", advocateHome.appendingPathComponent("keys/signing-key.json").path,
                                            "--passphrase-file", advocateHome.appendingPathComponent("passphrase.txt").path])
        #expect(countersigned.status == 0, "\(countersigned.errors)")
        #expect(try store.revisions(record: id).last?.revisionID == revisions[1].revisionID)
        #expect(try worker.run(["verify", id]).output.contains("latest signed by Ailsa Grant (worker), Jo Advocate (advocate)"))

        // Copies the person can keep: text to 72 columns, an accessible page, and a bundle.
        let text = try worker.run(["export", id])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.split(separator: "\n").allSatisfy { $0.count <= 72 })
        #expect(text.output.contains("Morag Campbell") && text.output.contains("If you disagree with a decision"))
        #expect(text.output.contains("Signed by Ailsa Grant (worker)") && text.output.contains("Signed by Jo Advocate (advocate)"))
        #expect(text.output.contains("Fingerprint of this revision: \(KeyIdentity.fingerprint(of: revisions[1].revisionID))"))
        let page = try worker.run(["export", id, "--format", "html"])
        #expect(page.output.contains("<html lang=\"en-GB\" dir=\"ltr\">") && page.output.contains("<h1>Your assessment record</h1>"))
        #expect(!page.output.lowercased().contains("<script"))
        let exported = home.appendingPathComponent("copy.blether")
        #expect(try worker.run(["export", id, "--format", "bundle", "-o", exported.path]).status == 0)
        #expect(try worker.run(["audit", id]).output.contains("exported"))

        // A bundle of the signed revisions and their keys verifies on a machine with no store;
        // the same bundle with one byte changed does not.
        let bundle = try Data(contentsOf: exported)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("blether-elsewhere-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let bundleFile = elsewhere.appendingPathComponent("morag.blether")
        try bundle.write(to: bundleFile)
        let offline = BletherProcess(home: elsewhere.appendingPathComponent("empty"), withKey: false)
        let copyVerified = try offline.run(["verify", bundleFile.path])
        #expect(copyVerified.status == 0, "\(copyVerified.output)\(copyVerified.errors)")
        #expect(copyVerified.output.contains("verified record \(id): 2 revisions"))
        #expect(copyVerified.output.contains("compare these fingerprints with the ones printed on the copy"))
        // On a machine with keys of its own, a bundle signed by keys it does not trust is not accepted.
        let strangersMachine = try advocate.run(["verify", bundleFile.path])
        #expect(strangersMachine.status == 1)
        #expect(strangersMachine.output.contains("NOT TRUSTED HERE: signed with the keys of Ailsa Grant"))
        #expect(try offline.run(["verify", "/no/such/copy.blether"]).errors.contains("/no/such/copy.blether: there is no such file."))
        var changed = bundle
        changed[changed.count / 2] ^= 0x01
        try changed.write(to: bundleFile)
        #expect(try offline.run(["verify", bundleFile.path]).status == 1)

        // Sealed rows are never changed, even by hand.
        let queue = try DatabaseQueue(path: home.appendingPathComponent(ConversationStore.fileName).path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE revision SET envelope = x'00'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM auditEntry") } }

        // A revision forged with another key fails verification, and says which.
        let forger = try WorkerKeyFile.create(name: "Someone Else", role: "worker", passphrase: "not the worker at all", rounds: 1 << 10)
        let forgedPayload = CanonicalValue.object(["record": .string(id), "revision": .integer(3), "prev": .string(revisions[1].revisionID)]).encoded
        let forged = try Envelope.sign(payload: forgedPayload, type: Envelope.assessmentType, with: forger.key)
        try store.appendRevision(record: id, number: 3, revisionID: forged.revisionID, envelope: forged.encoded, at: Date())
        let failed = try worker.run(["verify", id])
        #expect(failed.status == 1)
        #expect(failed.output.contains("FAILED record \(id) revision 3 (\(forged.revisionID.prefix(16))): signed by an unknown key \(forger.file.identity.fingerprint)"))
        #expect(try worker.run(["audit", id]).output.contains("verify-failed"))
    }

    @Test func wrongPassphrasesAreRefusedAndFiveInARowAreLogged() throws {
        let worker = try blether()
        #expect(try worker.run(["keys", "init", "--name", "Ailsa Grant"]).status == 0)
        let summary = try worker.run(["--plain", "new", "--person", "Iain"], input: ":quit\n")
        let id = try #require(summary.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let wrong = try blether(passphrase: "not the right passphrase")
        var last = try wrong.run(["sign", id])
        for _ in 0..<4 { last = try wrong.run(["sign", id]) }
        #expect(last.status == 1)
        #expect(last.errors.contains("That passphrase does not open the signing key. Nothing was changed. Five wrong passphrases in a row have been written to the audit log."))
        #expect(try worker.run(["audit"]).output.contains("passphrase-wrong-five-times"))
        let unfinished = try blether().run(["sign", id])
        #expect(unfinished.status == 1)
        #expect(unfinished.errors.contains("The record cannot be signed yet. These sections need to be answered or marked “talked about — nothing here” first: “About this conversation”"))
    }
}

@Suite final class AuditLogTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-audit-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: home) }

    @Test func openingChangingAndVerifyingAreLogged() throws {
        let blether = BletherProcess(home: home)
        let started = try blether.run(["--plain", "new", "--person", "Morag"], input: "1\nEnglish\n:quit\n")
        let id = try #require(started.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        _ = try blether.run(["--plain", "resume", id], input: ":status\n:quit\n")
        let audit = try blether.run(["audit", id])
        #expect(audit.status == 0)
        let actions = audit.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(actions.filter { $0.contains("opened") }.count == 2)
        #expect(actions.filter { $0.contains("changed") }.count == 1, "a sitting that only looks changes nothing")
        #expect(audit.output.contains("Test Worker ("))
    }
}
