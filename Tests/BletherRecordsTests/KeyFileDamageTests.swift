import BletherRecords
import Foundation
import Testing

/// A signing-key file with a scrypt cost Blether never writes (fuzzing found -16) once
/// crashed Blether when the passphrase was given; now it is refused as damaged.
@Suite struct KeyFileDamageTests {
    static let made = try! WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10)

    func file(withRounds rounds: String) throws -> WorkerKeyFile {
        let json = String(decoding: try JSONEncoder().encode(KeyFileDamageTests.made.file), as: UTF8.self)
        #expect(json.contains("\"scryptRounds\":1024"))
        let damaged = json.replacingOccurrences(of: "\"scryptRounds\":1024", with: "\"scryptRounds\":\(rounds)")
        return try JSONDecoder().decode(WorkerKeyFile.self, from: Data(damaged.utf8))
    }

    @Test(arguments: ["-16", "0", "1", "3", "1000", "\(1 << 40)", "\(Int.min)"])
    func aCostBletherNeverWritesIsRefusedAsDamaged(rounds: String) throws {
        let damaged = try file(withRounds: rounds)
        #expect {
            try damaged.unlock(passphrase: "a long enough passphrase")
        } throws: { error in
            if case .damaged(let reason) = error as? WorkerKeyFile.Problem { return reason.contains("scrypt cost") }
            return false
        }
    }

    @Test func theCostBletherWroteStillOpens() throws {
        let key = try file(withRounds: "1024").unlock(passphrase: "a long enough passphrase")
        #expect(key.identity == KeyFileDamageTests.made.file.identity)
    }
}
