import BletherForms
import BletherRecords
import BletherStore
import Foundation
import Testing

/// A worker whose key was made by an earlier Blether (scrypt 2^15) starts the program: the key
/// is sealed again at 2^17 once, the same key inside, and what was sealed before still opens.
@Suite final class KeySealingAgainEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-reseal-e2e-\(UUID().uuidString)")
    let passphraseFile = FileManager.default.temporaryDirectory.appendingPathComponent("blether-reseal-e2e-\(UUID().uuidString).txt")
    static let oldKey = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BletherRecordsTests/Golden/signing-key-v1.json")

    deinit {
        try? FileManager.default.removeItem(at: home)
        try? FileManager.default.removeItem(at: passphraseFile)
    }

    func keyFields() throws -> [String: Any] {
        let data = try Data(contentsOf: home.appendingPathComponent("keys/signing-key.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func anOldKeyIsSealedAgainOnceAndEverythingStillOpens() throws {
        // The data directory as the earlier Blether left it: its key, and a conversation sealed under it.
        try FileManager.default.createDirectory(at: home.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.oldKey, to: home.appendingPathComponent("keys/signing-key.json"))
        let old = try #require(try KeyStore(dataDirectory: home).ownKey())
        let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
        do {
            let store = try ConversationStore.open(directory: home, key: try old.unlock(passphrase: "fuzzing passphrase"))
            _ = try store.create(form: try #require(library.latestForm(id: "outcomes-review")), person: "Morag Campbell", language: "en-GB", at: Date())
        }
        _ = FileManager.default.createFile(atPath: passphraseFile.path, contents: Data("fuzzing passphrase\n".utf8), attributes: [.posixPermissions: 0o600])
        var worker = BletherProcess(home: home, withKey: false)
        worker.extraEnvironment["BLETHER_PASSPHRASE_FILE"] = passphraseFile.path
        let fingerprint = try worker.run(["keys", "show"]).output

        let first = try worker.run(["list"])
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        #expect(first.output.contains("Morag Campbell"), "what was sealed before no longer opens: \(first.output)")
        let fields = try keyFields()
        #expect(fields["kind"] as? String == "blether-signing-key-v2")
        #expect(fields["scryptRounds"] as? Int == 131_072)
        let mode = try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent("keys/signing-key.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try worker.run(["keys", "show"]).output == fingerprint, "the key inside changed")

        let again = try worker.run(["list"])
        #expect(again.output.contains("Morag Campbell"))
        #expect(try keyFields()["scryptSalt"] as? String == fields["scryptSalt"] as? String, "a key already strong was sealed again")
        let audit = try worker.run(["audit"]).output
        #expect(audit.components(separatedBy: "key-sealed-again").count == 2, "\(audit)")
    }
}
