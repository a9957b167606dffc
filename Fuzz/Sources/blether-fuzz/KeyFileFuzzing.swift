import BletherRecords
import Foundation

/// The key files a worker's data directory holds or is given: the sealed signing key
/// (`keys/signing-key.json`, opened with a passphrase when its scrypt cost is small
/// enough to fuzz) and a public-key file to trust (`blether keys trust FILE`).
enum KeyFileFuzzing {
    /// The passphrase the seed key files were sealed with, so unlocking can succeed.
    static let passphrase = "fuzzing passphrase"

    static func run(_ data: Data, scratch: FuzzScratch) {
        let keys = KeyStore(dataDirectory: scratch.url("home"))
        let ownKey = scratch.write(data, as: "home/keys/signing-key.json")
        if let file = try? keys.ownKey() {
            _ = file.identity.keyID
            _ = file.identity.fingerprint
            if let rounds = scryptRounds(of: file), rounds <= 64, let key = try? file.unlock(passphrase: passphrase) {
                fuzzPromise(key.identity == file.identity, "an unlocked key is not the one its file names")
            }
        }
        // The same bytes as a colleague's public key, offered to a data directory with no key of its own.
        try? FileManager.default.removeItem(at: ownKey)
        try? FileManager.default.removeItem(at: scratch.url("home/keys/trusted.json"))
        let offered = scratch.write(data, as: "keys/offered.json")
        if let identity = try? keys.trust(publicKeyFile: offered) {
            fuzzPromise(identity.signingPublicKey != nil, "a key trusted without an Ed25519 key")
            let trusted = try? keys.trustedIdentities()
            fuzzPromise(trusted?.contains(identity) == true, "a trusted key is not among the trusted")
        }
    }

    /// The file's scrypt cost, read back from its own encoding (the field is not public).
    static func scryptRounds(of file: WorkerKeyFile) -> Int? {
        guard let encoded = try? JSONEncoder().encode(file),
              let object = try? JSONSerialization.jsonObject(with: encoded) as? [String: Any] else { return nil }
        return (object["scryptRounds"] as? NSNumber)?.intValue
    }
}
