import BletherRecords
import BletherStore
import Foundation
import GRDB
import Testing

/// `verify --all` checks every record and the store's signed audit log, reports every failure
/// with its true cause, and reading commands still work on a full disk.
@Suite(.serialized) final class StoreIntegrityEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-integrity-e2e-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: home.deletingLastPathComponent().appendingPathComponent(home.lastPathComponent + "-passphrase.txt"))
    }

    /// A worker with `count` signed records, made through the plain face.
    func signedRecords(_ count: Int, in directory: URL) throws -> (BletherProcess, [String]) {
        let worker = BletherProcess(home: directory)
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-signed.txt"), encoding: .utf8)
        var ids: [String] = []
        for person in ["Morag Campbell", "Iain Pentland"].prefix(count) {
            let signed = try worker.run(["--plain", "new", "--person", person], input: script)
            ids.append(try #require(signed.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description)
        }
        return (worker, ids)
    }

    /// Changes the file as someone holding it could: the guard triggers dropped, foreign keys off.
    func tamper(_ directory: URL, _ sql: String...) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent(ConversationStore.fileName).path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for table in ["revision", "countersignature", "auditEntry"] {
                for change in ["update", "delete"] { try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_never_\(change)") }
            }
            for statement in sql { try db.execute(sql: statement) }
        }
        try queue.close()
    }

    @Test func aDraftListedAsDecidedIsCaughtAndCannotBeDecidedOn() throws {
        let worker = BletherProcess(home: home)
        let draft = try worker.run(["--plain", "new", "--person", "Morag Campbell"], input: "1\n:quit\n")
        let id = try #require(draft.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        try tamper(home, "UPDATE conversation SET state = 'referred' WHERE id = '\(id)'")
        let verified = try worker.run(["verify", "--all"])
        #expect(verified.status == 1)
        #expect(verified.output.contains("FAILED record \(id): listed as referred, but it has no signed revision"), "\(verified.output)")
        let decided = try worker.run(["decide", id, "--approve"])
        #expect(decided.status == 1)
        #expect(!decided.errors.contains("StoreError") && !decided.output.contains("StoreError"), "\(decided.output)\(decided.errors)")
    }

    @Test func aDamagedOrChangedAuditEntryIsShownAsSuchAndHidesNoOther() throws {
        let (worker, ids) = try signedRecords(1, in: home)
        let before = try worker.run(["audit"])
        #expect(before.status == 0, "\(before.output)\(before.errors)")
        let count = before.output.split(separator: "\n").count
        try tamper(home, "UPDATE auditEntry SET action = 'Approved' WHERE sequence = 3", "UPDATE auditEntry SET actor = 'admin' WHERE sequence = 5")
        let after = try worker.run(["audit"])
        #expect(after.status == 1)
        #expect(after.output.contains("DAMAGED entry 3:"), "\(after.output)")
        #expect(after.output.split(separator: "\n").contains { $0.hasPrefix("CHANGED AFTER IT WAS WRITTEN") && $0.contains("admin") }, "\(after.output)")
        #expect(after.output.split(separator: "\n").count >= count, "every other entry is still shown")
        #expect(try worker.run(["audit", ids[0]]).output.contains(ids[0]))
        let unknown = try worker.run(["audit", "nosuchid"])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("There is no conversation with id “nosuchid”"), "\(unknown.output)\(unknown.errors)")
    }

    @Test func everyRecordIsCheckedAndEveryLossReportedWithItsCause() throws {
        let (worker, ids) = try signedRecords(2, in: home)
        let clean = try worker.run(["verify", "--all"])
        #expect(clean.status == 0, "\(clean.output)\(clean.errors)")
        #expect(clean.output.contains("verified record \(ids[0])") && clean.output.contains("verified record \(ids[1])"))
        #expect(clean.output.contains("chained entries, signed head at entry"), "\(clean.output)")

        // The state `list` shows is not signed: a referred record edited to "approved" is caught.
        try tamper(home, "UPDATE conversation SET state = 'approved' WHERE id = '\(ids[1])'")
        #expect(try worker.run(["list"]).output.contains("approved"))
        let edited = try worker.run(["verify", "--all"])
        #expect(edited.status == 1)
        #expect(edited.output.contains("FAILED record \(ids[1]): listed as approved, but its latest signed revision says referred"), "\(edited.output)")
        #expect(!edited.output.contains("verified record \(ids[1])"), "a record is not called verified and failed at once")
        try tamper(home, "UPDATE conversation SET state = 'referred' WHERE id = '\(ids[1])'")

        // One damaged record does not stop the other being checked, and is called damaged.
        try tamper(home, "UPDATE revision SET envelope = substr(envelope, 1, 40) || x'00' || substr(envelope, 42) WHERE recordID = '\(ids[0])'")
        let damaged = try worker.run(["verify", "--all"])
        #expect(damaged.status == 1)
        #expect(damaged.output.contains("FAILED record \(ids[0]): Some sealed data here is damaged"), "\(damaged.output)")
        #expect(!damaged.output.contains("another worker's key"))
        #expect(damaged.output.contains("verified record \(ids[1])"))

        // A record rolled back to nothing, and audit entries removed, are reported by name.
        try tamper(home, "DELETE FROM revision WHERE recordID = '\(ids[1])'", "DELETE FROM conversation WHERE id = '\(ids[1])'",
                   "DELETE FROM auditEntry WHERE sequence = 3")
        let lost = try worker.run(["verify", "--all"])
        #expect(lost.status == 1)
        #expect(lost.output.contains("FAILED store: record \(ids[1]) has disappeared: the audit log says 1 revision was signed"), "\(lost.output)")
        #expect(lost.output.contains("FAILED store: audit log entries 3–3 have been removed"))
        #expect(lost.output.contains("FAILED record \(ids[0])"))
        // The run itself is one entry in the log.
        let audit = try worker.run(["audit"]).output
        #expect(audit.components(separatedBy: "verify-failed").count - 1 == 3, "\(audit)")
    }

    @Test func aCountersignerCannotDecideAndAMalformedRowIsAFailureNotACrash() throws {
        let (worker, ids) = try signedRecords(2, in: home)
        // A team leader, trusted here, who countersigned the assessment is no judge of it.
        let leaderHome = home.appendingPathComponent("leader")
        let leader = BletherProcess(home: leaderHome, withKey: false)
        #expect(try leader.run(["keys", "init", "--name", "Rhona Baird", "--role", "team-leader"]).status == 0)
        let publicKey = home.appendingPathComponent("rhona.json")
        try leader.run(["keys", "show", "--json"]).output.write(to: publicKey, atomically: true, encoding: .utf8)
        #expect(try worker.run(["keys", "trust", publicKey.path]).status == 0)
        let key = ["--key", leaderHome.appendingPathComponent("keys/signing-key.json").path,
                   "--passphrase-file", leader.extraEnvironment["BLETHER_PASSPHRASE_FILE"]!]
        #expect(try worker.run(["countersign", ids[0]] + key).status == 0)
        let decided = try worker.run(["decide", ids[0], "--approve"] + key)
        #expect(decided.status == 1, "\(decided.output)\(decided.errors)")
        #expect(try BletherProcess(home: home).openStore().revisions(record: ids[0]).count == 1, "nothing was signed")

        // A value of the wrong type in one row: that record fails, the other is still checked, nothing crashes.
        try tamper(home, "UPDATE revision SET number = 'abc' WHERE recordID = '\(ids[1])'")
        let checked = try worker.run(["verify", "--all"])
        #expect(checked.status == 1, "\(checked.output)\(checked.errors)")
        #expect(checked.output.contains("verified record \(ids[0])"))
        #expect(checked.output.contains("FAILED"), "\(checked.output)")
    }

    /// A change far from the costing asks the person to agree again, but does not make the
    /// costing "changed": its words are the same, and signing checks them by their hash.
    @Test func aChangeElsewhereAsksForTheAgreementAgainButNotTheCosting() throws {
        let (worker, ids) = try signedRecords(1, in: home)
        let input = ":jump 2\nSinging with the choir, and seeing my grandchildren\n.\n:jump 14\nyes\n1\n:sign\n:quit\n"
        let changed = try worker.run(["--plain", "resume", ids[0]], input: input)
        #expect(changed.output.contains("so their agreement is cleared"), "\(changed.output.suffix(800))")
        #expect(!changed.output.contains("The costing has changed"))
        #expect(changed.output.contains("The record is signed: revision 2"), "\(changed.output.suffix(800))")
    }

    @Test func oneConversationThatCannotBeOpenedNeverHidesTheOthers() throws {
        let (worker, ids) = try signedRecords(2, in: home)
        try tamper(home, "UPDATE conversation SET personSealed = substr(personSealed, 1, 20) || x'00' || substr(personSealed, 22) WHERE id = '\(ids[0])'")
        let listed = try worker.run(["list"])
        #expect(listed.status == 1)
        #expect(listed.output.contains(ids[1]) && listed.output.contains("Iain Pentland"), "\(listed.output)\(listed.errors)")
        #expect(listed.errors.contains("These conversations could not be opened, so they are not listed: \(ids[0])"), "\(listed.errors)")
        let checked = try worker.run(["verify", "--all"])
        #expect(checked.status == 1)
        #expect(checked.output.contains("FAILED record \(ids[0]): Some sealed data here is damaged"), "\(checked.output)")
        #expect(!checked.output.contains("verified record \(ids[0])"))
        #expect(checked.output.contains("verified record \(ids[1])"))
    }

    @Test func anEmptyBundleIsRefused() throws {
        let file = home.appendingPathComponent("empty.blether")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data(#"{"keys":[],"kind":"blether-record-bundle-v2","record":"k7m2qx9a","revisions":[]}"#.utf8).write(to: file)
        let result = try BletherProcess(home: home.appendingPathComponent("nobody"), withKey: false).run(["verify", file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("it holds no signed revision"), "\(result.output)")
    }

    /// Needs root to mount a small file system and fill it; CI runs as root.
    @Test(.enabled(if: getuid() == 0)) func readingWorksOnAFullDisk() throws {
        let mount = home.appendingPathComponent("small-disk")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        #expect(try shell("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.path) == 0)
        defer { _ = try? shell("umount", "-l", mount.path) }
        let directory = mount.appendingPathComponent("blether")
        let (worker, ids) = try signedRecords(1, in: directory)
        // Fill what is left of the disk.
        _ = try shell("dd", "if=/dev/zero", "of=\(mount.appendingPathComponent("filler").path)", "bs=64k")
        for arguments in [["list"], ["verify", "--all"], ["export", ids[0], "--format", "text"], ["audit"]] {
            let result = try worker.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.output.suffix(300))\(result.errors)")
            if arguments[0] != "audit" {
                #expect(result.errors.contains("This was not written to the audit log"), "\(arguments): \(result.errors)")
            }
        }
        #expect(try worker.run(["export", ids[0], "--format", "text"]).output.contains("Morag Campbell"))
    }

    private func shell(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
