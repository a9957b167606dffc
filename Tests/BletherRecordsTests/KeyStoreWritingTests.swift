import BletherCore
import BletherRecords
import Foundation
import Glibc
import Testing

/// The signing key is written private from its first byte and whole before it takes its name,
/// so writing it again never leaves it readable by others or half written (a failed write
/// leaving the old file whole is PrivateFileTests').
@Suite final class KeyStoreWritingTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-keystore-\(UUID().uuidString)")
    deinit { try? FileManager.default.removeItem(at: home) }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func keysArePrivateAndNothingIsLeftBeside() throws {
        let keys = KeyStore(dataDirectory: home)
        let own = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 4)
        try keys.saveOwnKey(own.file)
        // Trusting a second colleague writes the list of trusted keys again, over the first.
        var colleagues: [KeyIdentity] = []
        for name in ["Rhona Baird", "Iain Pentland"] {
            let made = try WorkerKeyFile.create(name: name, role: .teamLeader, passphrase: "a long enough passphrase", rounds: 1 << 4)
            let offered = home.appendingPathComponent("\(name).json")
            try JSONEncoder().encode(made.file.identity).write(to: offered)
            colleagues.append(try keys.trust(publicKeyFile: offered))
        }
        let folder = home.appendingPathComponent("keys").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.sorted() == ["signing-key.json", "trusted.json"], "\(names)")
        for name in names { #expect(try mode(folder + "/" + name) == 0o600, "\(name) can be read by others") }
        #expect(try keys.ownKey() == own.file)
        #expect(try keys.trustedIdentities().filter { colleagues.contains($0) }.count == 2)
    }
}
