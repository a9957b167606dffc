import BletherCore
import Foundation

/// The keys kept in the data directory: this worker's sealed signing key
/// (`keys/signing-key.json`) and the public keys of colleagues, advocates and managers
/// whose signatures are trusted (`keys/trusted.json`).
///
/// ```swift
/// let keys = KeyStore(directory: dataDirectory)
/// let unlocked = try keys.ownKey()!.unlock(passphrase: passphrase)
/// ```
package struct KeyStore: Sendable {
    package let directory: URL

    package init(dataDirectory: URL) {
        directory = dataDirectory.appendingPathComponent("keys", isDirectory: true)
    }

    var ownKeyURL: URL { directory.appendingPathComponent("signing-key.json") }
    var trustedURL: URL { directory.appendingPathComponent("trusted.json") }

    /// Why a key file cannot be used; each names the file.
    package enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case alreadyExists(path: String)
        case noKey(path: String)
        case unreadable(path: String, reason: String)
        case notAPublicKey(path: String, reason: String)
        /// The file or its folder could not be read or written (missing, no permission, disk full…).
        case file(FileProblem)

        package var description: String {
            switch self {
            case .alreadyExists(let path): "\(path): there is already a signing key here"
            case .noKey(let path): "\(path): there is no signing key here"
            case .unreadable(let path, let reason), .notAPublicKey(let path, let reason): "\(path): \(reason)"
            case .file(let problem): problem.description
            }
        }

        /// The file problem underneath, when that is what went wrong.
        package var fileProblem: FileProblem? {
            if case .file(let problem) = self { return problem }
            return nil
        }
    }

    /// The bytes of `url`, or why they cannot be read.
    private func contents(of url: URL) throws(Problem) -> Data {
        do { return try Data(contentsOf: url) } catch { throw .file(FileProblem(path: url.path, action: .reading, error: error)) }
    }

    /// The worker's sealed key, or `nil` when `keys init` has not been run.
    package func ownKey() throws(Problem) -> WorkerKeyFile? {
        guard FileManager.default.fileExists(atPath: ownKeyURL.path) else { return nil }
        let data = try contents(of: ownKeyURL)
        do {
            return try JSONDecoder().decode(WorkerKeyFile.self, from: data)
        } catch {
            throw .unreadable(path: ownKeyURL.path, reason: "\(error)")
        }
    }

    /// Saves a new key; refuses to replace one, since records signed with it must stay verifiable.
    package func saveOwnKey(_ file: WorkerKeyFile) throws(Problem) {
        guard !FileManager.default.fileExists(atPath: ownKeyURL.path) else { throw .alreadyExists(path: ownKeyURL.path) }
        try write(file, to: ownKeyURL)
    }

    /// Seals this worker's key again at Blether's current scrypt cost, once it has been opened
    /// with `passphrase`, when the file asks for it (``WorkerKeyFile/needsSealingAgain``) and is
    /// still the one that was opened. The private key and the wrapping key stay the same, so
    /// every signature and every sealed record stays good; the file is replaced only once the
    /// new one is whole on the disk. True when it was sealed again.
    package func sealOwnKeyAgainIfNeeded(_ file: WorkerKeyFile, passphrase: String, key: UnlockedKey) throws(Problem) -> Bool {
        guard file.needsSealingAgain, try ownKey() == file else { return false }
        let stronger: WorkerKeyFile
        do { stronger = try file.sealedAgain(passphrase: passphrase, key: key) } catch { throw .unreadable(path: ownKeyURL.path, reason: "\(error)") }
        try write(stronger, to: ownKeyURL)
        return true
    }

    /// Everyone whose signatures count: this worker and every trusted key.
    package func trustedIdentities() throws(Problem) -> [KeyIdentity] {
        var identities = try ownKey().map { [$0.identity] } ?? []
        if FileManager.default.fileExists(atPath: trustedURL.path) {
            let data = try contents(of: trustedURL)
            do {
                identities += try JSONDecoder().decode([KeyIdentity].self, from: data)
            } catch {
                throw .unreadable(path: trustedURL.path, reason: "\(error)")
            }
        }
        return identities
    }

    /// Adds a public key read from a file made by `blether keys show --json`.
    @discardableResult
    package func trust(publicKeyFile url: URL) throws(Problem) -> KeyIdentity {
        let identity: KeyIdentity
        let data = try contents(of: url)
        do {
            identity = try JSONDecoder().decode(KeyIdentity.self, from: data)
        } catch let unknown as KeyIdentity.UnknownRole {
            throw .notAPublicKey(path: url.path, reason: unknown.description)
        } catch {
            throw .notAPublicKey(path: url.path, reason: "it is not a public key file from blether keys show --json")
        }
        guard identity.signingPublicKey != nil else { throw .notAPublicKey(path: url.path, reason: "the publicKey is not an Ed25519 key") }
        // A name is one line of text that shows: it is printed where fingerprints are compared.
        guard identity.name == AnswerText.oneLine(identity.name), AnswerText.hasWords(identity.name) else {
            throw .notAPublicKey(path: url.path, reason: "the name \"\(BidiIsolation.visible(identity.name))\" holds line breaks, control characters or no words")
        }
        var others = try trustedIdentities().filter { $0.keyID != identity.keyID }
        if let own = try ownKey() { others.removeAll { $0.keyID == own.identity.keyID } }
        try write(others + [identity], to: trustedURL)
        return identity
    }

    private func write<Value: Encodable>(_ value: Value, to url: URL) throws(Problem) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(value) } catch { throw .unreadable(path: url.path, reason: "\(error)") }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .file(FileProblem(path: directory.path, action: .writing, error: error))
        }
        do {
            // Private from its first byte, on the disk before it takes the name: a key written
            // again (a stronger scrypt cost) is never lost to a crash half way.
            try PrivateFile.write(data, to: url.path)
        } catch {
            throw .file(FileProblem(path: error.path, action: .writing, errno: error.code))
        }
    }
}
