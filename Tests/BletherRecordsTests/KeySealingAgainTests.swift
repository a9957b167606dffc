import BletherCore
import BletherRecords
import Foundation
import Testing

/// A key sealed by an earlier Blether, or at a lower scrypt cost, is sealed again at the
/// current cost once opened: the same signing key and the same wrapping key inside, so every
/// signature and every record sealed before stays good.
@Suite final class KeySealingAgainTests {
    /// A key file made by `blether keys init` before version 2 (scrypt 2^15, no sealed wrapping key).
    static let version1 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/signing-key-v1.json")
    static let passphrase = "fuzzing passphrase"

    func fields(_ file: WorkerKeyFile) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(file)) as? [String: Any])
    }

    func file(_ fields: [String: Any]) throws -> WorkerKeyFile {
        try JSONDecoder().decode(WorkerKeyFile.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    @Test func anOldKeyIsSealedAgainWithEverythingInsideUnchanged() throws {
        let old = try JSONDecoder().decode(WorkerKeyFile.self, from: Data(contentsOf: Self.version1))
        #expect(old.needsSealingAgain)
        let opened = try old.unlock(passphrase: Self.passphrase)
        let dataKey = PersonalDataSealing.newDataKey()
        let wrapped = try opened.wrap(dataKey, context: "conversation k7m2qx9a")
        let sealedName = try PersonalDataSealing.seal(Data("Morag Campbell".utf8), with: dataKey, context: "k7m2qx9a person")

        let stronger = try old.sealedAgain(passphrase: Self.passphrase, key: opened)
        let written = try fields(stronger)
        #expect(written["kind"] as? String == WorkerKeyFile.currentKind)
        #expect(written["scryptRounds"] as? Int == 1 << 17)
        #expect(written["scryptSalt"] as? String != (try fields(old))["scryptSalt"] as? String)
        #expect(!stronger.needsSealingAgain)
        #expect(stronger.identity == old.identity)

        let reopened = try stronger.unlock(passphrase: Self.passphrase)
        let unwrapped = try reopened.unwrap(wrapped, context: "conversation k7m2qx9a")
        #expect(try PersonalDataSealing.open(sealedName, with: unwrapped, context: "k7m2qx9a person") == Data("Morag Campbell".utf8),
                "a record sealed before no longer opens")
        let signature = try reopened.sign(Data("revision".utf8))
        #expect(try #require(old.identity.signingPublicKey).isValidSignature(signature, for: Data("revision".utf8)))
        #expect(throws: WorkerKeyFile.Problem.wrongPassphrase) { try stronger.unlock(passphrase: "not the passphrase at all") }
    }

    @Test func aNewKeyIsSealedAtTheCurrentCost() throws {
        let made = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: Self.passphrase)
        #expect(try fields(made.file)["scryptRounds"] as? Int == WorkerKeyFile.scryptCost)
        #expect(WorkerKeyFile.scryptCost == 1 << 17)
        #expect(!made.file.needsSealingAgain)
    }

    @Test func aKeyIsOnlySealedAgainWithItself() throws {
        let old = try JSONDecoder().decode(WorkerKeyFile.self, from: Data(contentsOf: Self.version1))
        let other = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: Self.passphrase, rounds: 1 << 4)
        #expect(throws: WorkerKeyFile.Problem.self) { try old.sealedAgain(passphrase: Self.passphrase, key: other.key) }
    }

    @Test func theWrappingKeyBelongsToItsVersion() throws {
        let made = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: Self.passphrase, rounds: 1 << 4)
        var fields = try fields(made.file)
        // A version 2 file without its wrapping key, or a version 1 file with one, is not read as the other.
        let wrapping = fields.removeValue(forKey: "sealedWrappingKey")
        #expect(throws: WorkerKeyFile.Problem.damaged("the key file is not one Blether can read")) { try file(fields).unlock(passphrase: Self.passphrase) }
        var old = try self.fields(JSONDecoder().decode(WorkerKeyFile.self, from: Data(contentsOf: Self.version1)))
        old["sealedWrappingKey"] = wrapping
        #expect(throws: WorkerKeyFile.Problem.damaged("the key file is not one Blether can read")) { try file(old).unlock(passphrase: Self.passphrase) }
        // The two sealed keys swapped open as neither.
        fields["sealedWrappingKey"] = fields["sealedPrivateKey"]
        fields["sealedPrivateKey"] = wrapping
        #expect(throws: WorkerKeyFile.Problem.self) { try file(fields).unlock(passphrase: Self.passphrase) }
    }
}
