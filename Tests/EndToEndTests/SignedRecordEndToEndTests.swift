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
        // Option 4 at £14,547.86 is above the worker's £8,000 limit: the worker recorded it as referred.
        #expect(try worker.run(["list"]).output.contains("referred"))

        let verified = try worker.run(["verify", id])
        #expect(verified.status == 0)
        #expect(verified.output.contains("verified record \(id): 1 revision, latest signed by Ailsa Grant (worker)"))

        // Signing again with nothing changed is refused, by the command and in plain mode, and makes no revision.
        let unchanged = try worker.run(["sign", id])
        #expect(unchanged.status == 1, "\(unchanged.output)")
        #expect(unchanged.errors.contains("Nothing has changed since revision 1 was signed, so there is nothing new to sign."),
                "\(unchanged.errors)")
        let plainAgain = try worker.run(["--plain", "resume", id], input: ":sign\n:quit\n")
        #expect(plainAgain.output.contains("Nothing has changed since revision 1 was signed"), "\(plainAgain.output.suffix(600))")
        #expect(try BletherProcess(home: home).openStore().revisions(record: id).count == 1)

        // A correction is a new revision linked to the first.
        // A change after the person agreed clears their agreement: Enter on the old "yes" no longer
        // keeps it, and signing waits until the summary is read back and the person asked again.
        let second = try worker.run(["--plain", "resume", id], input: ":jump 13\nAilsa Grant\n:sign\n:jump 14\n\n:sign\nyes\n1\n:sign\n:quit\n")
        #expect(second.output.contains("An answer changed after Morag Campbell agreed, so their agreement is cleared."), "\(second.output.suffix(600))")
        let refusals = second.output.components(separatedBy: "The record cannot be signed yet").count - 1
        #expect(refusals == 2, "signing is refused before the person is asked again: \(second.output.suffix(1200))")
        #expect(second.output.contains("The record is signed: revision 2"), "\(second.output.suffix(400))")
        let store = try BletherProcess(home: home).openStore()
        let revisions = try store.revisions(record: id)
        #expect(revisions.count == 2)
        let payload = try CanonicalValue(decoding: try Envelope(decoding: revisions[1].envelope).payload)
        #expect(payload["prev"]?.string == revisions[0].revisionID)
        #expect(payload["readBack"]?["language"]?.string == "en-GB")
        #expect(payload["readBack"]?["seconds"]?.integer != nil, "how long the read-back took is in the record")
        #expect(payload["agreement"]?["agreement"]?["value"]?["choice"]?.string == "agrees")
        // The costing is in the record: the rules, every option's amount in pence, and the explanation as shown.
        let costing = try #require(payload["costing"])
        #expect(costing["rules"]?["id"]?.string == "example-rate-card" && costing["rules"]?["version"]?.integer == 2)
        #expect(costing["amountPence"]?["option-4"]?.integer == 14_547_86 && costing["option"]?.string == "option-4")
        #expect(costing["decidedBy"]?.string == "team-leader" && costing["referred"]?.bool == true)
        #expect(costing["explanation"]?["text"]?.string?.contains("Relevant amount under Option 4 for the whole period: £14,547.86") == true)
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
        // Each signer signs a revision once, and the worker who signed it does not countersign it:
        // both are refused in words, before the database is touched.
        let twice = try worker.run(["countersign", id, "--key", advocateHome.appendingPathComponent("keys/signing-key.json").path,
                                    "--passphrase-file", advocateHome.appendingPathComponent("passphrase.txt").path])
        #expect(twice.status == 1 && twice.errors.contains("Jo Advocate has already countersigned revision 2 of \(id)"), "\(twice.errors)")
        let own = try worker.run(["countersign", id, "--key", home.appendingPathComponent("keys/signing-key.json").path,
                                  "--passphrase-file", home.appendingPathComponent("passphrase.txt").path])
        #expect(own.status == 1 && own.errors.contains("Ailsa Grant signed revision 2 of \(id), so cannot countersign this record."), "\(own.errors)")
        #expect(!(twice.errors + own.errors).lowercased().contains("sqlite") && !(twice.errors + own.errors).contains("constraint"))
        #expect(try store.revisions(record: id).last?.countersignatures.count == 1)

        // Copies the person can keep: text to 72 columns, an accessible page, and a bundle.
        let text = try worker.run(["export", id, "--format", "text"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.split(separator: "\n").allSatisfy { $0.count <= 72 })
        #expect(text.output.contains("Morag Campbell") && text.output.contains("If you disagree with a decision"))
        #expect(text.output.contains("Signed by Ailsa Grant (worker)") && text.output.contains("Signed by Jo Advocate (advocate)"))
        #expect(text.output.contains("Fingerprint of this revision: \(KeyIdentity.fingerprint(of: revisions[1].revisionID))"))
        let page = try worker.run(["export", id, "--format", "html"])
        #expect(page.output.contains("<html lang=\"en-GB\" dir=\"ltr\">") && page.output.contains("<h1>Your assessment, on one page</h1>")
                && page.output.contains("<h1>The full record</h1>"))
        #expect(!page.output.lowercased().contains("<script"))
        // Copies go outside the data directory (a file inside it is refused, like a folder).
        let outside = home.deletingLastPathComponent().appendingPathComponent(home.lastPathComponent + "-copies")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let exported = outside.appendingPathComponent("copy.blether")
        #expect(try worker.run(["export", id, "--format", "bundle", "-o", exported.path]).status == 0)
        let exports = try worker.run(["audit", id]).output
        #expect(exports.contains("exported") && !exports.contains("copy-given"), "a worker's export is not a copy given: \(exports)")
        // Copies hold personal data: written readable only by the worker, even over a world-readable file.
        func mode(_ url: URL) throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) }
        #expect(try mode(exported) == 0o600)
        let given = outside.appendingPathComponent("morag-copy.html")
        try Data(repeating: UInt8(ascii: "x"), count: 200_000).write(to: given)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: given.path)
        let handed = try worker.run(["export", id, "--format", "html", "-o", given.path, "--given"])
        #expect(handed.status == 0, "\(handed.errors)")
        #expect(handed.errors.contains("Noted in the audit log: the html copy of revision 2 was given to the person."))
        #expect(try mode(given) == 0o600)
        #expect(try String(contentsOf: given, encoding: .utf8).hasPrefix("<!DOCTYPE html>") && !(try String(contentsOf: given, encoding: .utf8).contains("xxx")))
        let givenLines = try worker.run(["audit", id]).output.split(separator: "\n").filter { $0.contains("copy-given") }
        #expect(givenLines.count == 1 && givenLines[0].contains("html en-GB revision 2 \(revisions[1].revisionID)"), "\(givenLines)")
        // Never over the sealed records themselves.
        let overDatabase = try worker.run(["export", id, "--format", "text", "-o", home.appendingPathComponent(ConversationStore.fileName).path])
        #expect(overDatabase.status == 1 && overDatabase.errors.contains("is Blether's database of sealed records"), "\(overDatabase.errors)")
        #expect(try worker.run(["verify", id]).status == 0)
        // Nor over them under another name: a hard link to the signing key or the database is refused, both untouched.
        let signingKey = home.appendingPathComponent("keys/signing-key.json")
        let keyBytes = try Data(contentsOf: signingKey)
        for (own, name) in [(signingKey, "hl_key"), (home.appendingPathComponent(ConversationStore.fileName), "hl_db")] {
            let link = home.deletingLastPathComponent().appendingPathComponent("\(name)-\(UUID().uuidString)")
            try FileManager.default.linkItem(at: own, to: link)
            defer { try? FileManager.default.removeItem(at: link) }
            let overLink = try worker.run(["export", id, "--format", "text", "-o", link.path])
            // The refusal names which of Blether's files it is, and where.
            let which = name == "hl_key" ? "is in Blether's folder of signing keys (\(home.path)/keys)"
                                         : "is Blether's database of sealed records (\(home.path)/\(ConversationStore.fileName))"
            #expect(overLink.status == 1 && overLink.errors.contains(which), "\(name): \(overLink.errors)")
            #expect(!overLink.errors.contains("Wrote"))
        }
        #expect(try Data(contentsOf: signingKey) == keyBytes, "the signing key is unchanged")
        let stillOpens = try worker.run(["list"])
        #expect(stillOpens.status == 0 && stillOpens.output.contains("Morag Campbell"), "the key still opens the store: \(stillOpens.errors)")
        #expect(try worker.run(["verify", id]).status == 0)
        let unwritable = try worker.run(["export", id, "-o", "/no/such/dir/copy.txt"])
        #expect(unwritable.status == 1 && unwritable.errors.hasSuffix("\n/no/such/dir/copy.txt cannot be written: the folder /no/such/dir does not exist. Make it first (mkdir -p /no/such/dir), or choose a folder that exists.\n"),
                "\(unwritable.errors)")
        #expect(!unwritable.errors.contains("No such file or directory"), "not the system's own words")

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
        // Names come from nowhere unsigned: on a machine that knows no keys they are unconfirmed, with fingerprints to compare.
        #expect(copyVerified.output.contains("latest signed by “Ailsa Grant”, name unconfirmed — key "), "\(copyVerified.output)")
        #expect(copyVerified.output.contains("names unconfirmed: this machine trusts no keys; compare key "))
        #expect(copyVerified.output.contains("with the fingerprints printed on the copy"))
        // On a machine with keys of its own, a bundle signed by keys it does not trust is not accepted.
        let strangersMachine = try advocate.run(["verify", bundleFile.path])
        #expect(strangersMachine.status == 1)
        #expect(strangersMachine.output.contains("NOT TRUSTED HERE: signed with key "), "\(strangersMachine.output)")
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
        let forger = try WorkerKeyFile.create(name: "Someone Else", role: .worker, passphrase: "not the worker at all", rounds: 1 << 10)
        let forgedPayload = CanonicalValue.object(["record": .string(id), "revision": .integer(3), "prev": .string(revisions[1].revisionID)]).encoded
        let forged = try Envelope.sign(payload: forgedPayload, type: Envelope.assessmentType, with: forger.key)
        try store.appendRevision(record: id, number: 3, revisionID: forged.revisionID, envelope: forged.encoded, actor: forger.file.identity.keyID, at: Date())
        let failed = try worker.run(["verify", id])
        #expect(failed.status == 1)
        #expect(failed.output.contains("FAILED record \(id) revision 3 (\(forged.revisionID.prefix(16))): signed by an unknown key \(forger.file.identity.fingerprint)"))
        #expect(try worker.run(["audit", id]).output.contains("verify-failed"))
    }

    @Test func aReferredBudgetIsRefusedWithReasonsAsASignedRevision() throws {
        let worker = try blether()
        #expect(try worker.run(["keys", "init", "--name", "Ailsa Grant"]).status == 0)
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
        let signed = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: script)
        #expect(signed.output.contains("the record is listed as referred"), "\(signed.output.suffix(600))")
        let id = try #require(signed.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description

        // A team leader, with their own key, trusted here.
        let leader = try blether(home: advocateHome, passphrase: "the team leader's own words")
        #expect(try leader.run(["keys", "init", "--name", "Rhona Baird", "--role", "team-leader"]).status == 0)
        let publicKey = advocateHome.appendingPathComponent("rhona.json")
        try leader.run(["keys", "show", "--json"]).output.write(to: publicKey, atomically: true, encoding: .utf8)
        #expect(try worker.run(["keys", "trust", publicKey.path]).status == 0)
        let leaderKey = ["--key", advocateHome.appendingPathComponent("keys/signing-key.json").path,
                         "--passphrase-file", advocateHome.appendingPathComponent("passphrase.txt").path]

        // A refusal without reasons is not accepted; nor is a decision with the worker's own key.
        let noReasons = try worker.run(["decide", id, "--refuse"] + leaderKey)
        #expect(noReasons.status == 2 && noReasons.errors.contains("A refusal needs its reasons"))
        let byWorker = try worker.run(["decide", id, "--approve"])
        #expect(byWorker.status == 1 && byWorker.errors.contains("A worker cannot decide budgets. Use the key of a team leader or service manager."), "\(byWorker.errors)")
        #expect(try BletherProcess(home: home).openStore().revisions(record: id).count == 1)

        // On a laptop whose rules file differs from the one the record was costed with (a raised limit), nobody decides.
        let edited = home.appendingPathComponent("edited-forms")
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: shipped.appendingPathComponent("forms"), to: edited.appendingPathComponent("forms"))
        try FileManager.default.copyItem(at: shipped.appendingPathComponent("locales"), to: edited.appendingPathComponent("locales"))
        let card = edited.appendingPathComponent("forms/costing/example-rate-card.yaml")
        try String(contentsOf: card, encoding: .utf8).replacingOccurrences(of: "team-leader: 25000.00", with: "team-leader: 95000.00")
            .write(to: card, atomically: true, encoding: .utf8)
        var elsewhere = worker
        elsewhere.extraEnvironment["BLETHER_FORMS"] = edited.appendingPathComponent("forms").path
        let differing = try elsewhere.run(["decide", id, "--approve"] + leaderKey)
        #expect(differing.status == 1 && differing.errors.contains("The record was costed with its rules (example-rate-card, version 2), which differ from those installed here"),
                "\(differing.errors)")

        let reasons = "The day opportunity is offered free at the community centre on Tuesdays, so it is not funded."
        let refused = try worker.run(["decide", id, "--refuse", "--reason", reasons] + leaderKey)
        #expect(refused.status == 0, "\(refused.errors)")
        #expect(refused.output.contains("Rhona Baird (team leader) has refused the budget: revision 2 of the record."))
        #expect(try worker.run(["list"]).output.contains("refused"))
        let verified = try worker.run(["verify", id])
        #expect(verified.status == 0 && verified.output.contains("2 revisions, latest signed by Rhona Baird (team-leader)"), "\(verified.output)")
        let again = try worker.run(["decide", id, "--approve"] + leaderKey)
        #expect(again.status == 1 && again.errors.contains("This budget was already refused by Rhona Baird."), "\(again.errors)")

        // The decision revision carries everything the person agreed to, unchanged, and the decision.
        let revisions = try BletherProcess(home: home).openStore().revisions(record: id)
        let first = try CanonicalValue(decoding: try Envelope(decoding: revisions[0].envelope).payload)
        let decision = try CanonicalValue(decoding: try Envelope(decoding: revisions[1].envelope).payload)
        #expect(decision["prev"]?.string == revisions[0].revisionID)
        #expect(decision["answers"] == first["answers"] && decision["costing"] == first["costing"] && decision["readBack"] == first["readBack"])
        #expect(decision["decision"]?["outcome"]?.string == "refused" && decision["decision"]?["reasons"]?.string == reasons)
        #expect(decision["decision"]?["limitPence"]?.integer == 25_000_00 && decision["decision"]?["amountPence"]?.integer == 14_547_86)

        // The person's copy says who refused, why, and how to challenge it, in the council's words.
        let copy = try worker.run(["export", id, "--format", "text"])
        #expect(copy.output.contains("Decision: refused by Rhona Baird (team leader)"), "\(copy.output)")
        #expect(copy.output.replacingOccurrences(of: "\n", with: " ").contains("Reasons: The day opportunity is offered free at the community centre on Tuesdays"))
        #expect(copy.output.contains("How to challenge or appeal this decision: If you disagree with a"))
        #expect(try worker.run(["audit", id]).output.contains("decided"))
        // The worker's signature is on the copy beside the decider's: the decision's revision, and the one before.
        func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(flat(copy.output).contains("Revision 1 (fingerprint \(KeyIdentity.fingerprint(of: revisions[0].revisionID))): Signed by Ailsa Grant (worker)"),
                "\(copy.output)")
        #expect(flat(copy.output).contains("Revision 2 (fingerprint \(KeyIdentity.fingerprint(of: revisions[1].revisionID))): Signed by Rhona Baird (team leader)"))
        #expect(copy.output.contains("Key fingerprint of Ailsa Grant: ") && copy.output.contains("Key fingerprint of Rhona Baird: "))

        // The person's own words, added while they read their record, go into the next signed revision and into their copy.
        try BletherProcess(home: home).openStore().addReviewComment(conversation: id, text: "I would rather the visits were in the morning.", at: Date())
        let withWords = try worker.run(["sign", id])
        #expect(withWords.status == 0 && withWords.output.contains("revision 3"), "\(withWords.output)\(withWords.errors)")
        #expect(try worker.run(["sign", id]).errors.contains("Nothing has changed since revision 3 was signed"))
        let third = try worker.run(["export", id, "--format", "text"])
        #expect(flat(third.output).contains("Your own words, added when you read your record"))
        #expect(flat(third.output).contains(": I would rather the visits were in the morning. You said this."), "\(third.output)")
        // Once on the summary page, and once in the full record, however many revisions carry it.
        #expect(third.output.components(separatedBy: "Decision: refused by Rhona Baird").count == 3, "a decision carried forward is said once in each part")

        // The plan is revised and referred again, then approved: the final copy keeps the refusal and its reasons.
        let lines = [":jump costing", "", "", "again", "1", "8", "1", "Get to choir every week", "1", "", ":jump 14", "yes", "1", ":sign",
                     ":jump costing", "", "", "", "", ":sign", ":quit"]
        let revised = try worker.run(["--plain", "resume", id], input: lines.joined(separator: "\n") + "\n")
        #expect(revised.output.contains("The record is signed: revision 4"), "\(revised.output.suffix(800))")
        let approved = try worker.run(["decide", id, "--approve"] + leaderKey)
        #expect(approved.status == 0, "\(approved.errors)")
        let final = flat(try worker.run(["export", id, "--format", "text"]).output)
        #expect(final.contains("Decision: refused by Rhona Baird (team leader) on "), "\(final)")
        #expect(final.contains("Reasons: \(reasons) That decision was on an earlier plan, which has since been changed. Decision: approved by Rhona Baird (team leader) on "))
        #expect(final.contains("Revision 5 (fingerprint ") && final.contains("Revision 1 (fingerprint "))
    }

    @Test func aChangedCostingIsGoneThroughAgainBeforeItIsSigned() throws {
        let worker = try blether()
        #expect(try worker.run(["keys", "init", "--name", "Ailsa Grant"]).status == 0)
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
        let signed = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: script)
        let id = try #require(signed.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description

        // The plan is written afresh (8 hours of a personal assistant) and the worker skips the explanation,
        // reads the summary back again and asks the person again, and tries to sign: refused until the
        // costing is gone through again.
        let lines = [":jump costing", "", "", "again", "1", "8", "1", "Get to choir every week", "1", "", ":jump 14", "yes", "1", ":sign",
                     ":jump costing", "", "", "", "", ":sign", ":quit"]
        let second = try worker.run(["--plain", "resume", id], input: lines.joined(separator: "\n") + "\n")
        #expect(second.output.contains("The costing has changed since it was gone through with the person. Show it again and answer “Have we gone through how the amount was worked out, and what it can be spent on?” once more."),
                "\(second.output.suffix(1500))")
        #expect(second.output.contains("Personal assistant: 8 hours × £17.50 = £140.00 a week"))
        #expect(second.output.contains("The record is signed: revision 2"), "\(second.output.suffix(800))")
        let revisions = try BletherProcess(home: home).openStore().revisions(record: id)
        let payload = try CanonicalValue(decoding: try Envelope(decoding: revisions[1].envelope).payload)
        // 8 h as Option 1 under Option 4: £140.00 a week × 365 ÷ 7 = £7,300.00.
        #expect(payload["costing"]?["amountPence"]?["option-4"]?.integer == 7_300_00)
        #expect(payload["costing"]?["explanation"]?["text"]?.string?.contains("£140.00 a week × 365 days ÷ 7 = £7,300.00") == true)
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
