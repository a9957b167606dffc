import ArgumentParser
import BletherCore
import BletherRecords
import BletherStore
import Foundation

/// `blether keys init|show|trust`.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Make, show and trust signing keys.",
                                                    subcommands: [KeysInitCommand.self, KeysShowCommand.self, KeysTrustCommand.self])
}

struct KeysInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Make your Ed25519 signing key, sealed under a passphrase.",
        discussion: "The passphrase is asked twice without echo (or read from BLETHER_PASSPHRASE_FILE). It also protects the personal data Blether keeps.")

    @Option(help: "Your name, as it appears on signed records.") var name: String
    @Option(help: "Your role: \(SignerRole.allNames).") var role: String = SignerRole.worker.rawValue

    func validate() throws {
        guard SignerRole(rawValue: role) != nil else { throw ValidationError("--role must be one of: \(SignerRole.allNames).") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name needs your name.") }
    }

    func run() throws {
        let environment = AppContext.processEnvironment
        let directory = DataDirectory.resolve(environment: environment)
        // A data directory that cannot be written is said before a passphrase is asked for.
        do { try ConversationStore.prepare(directory: directory) } catch {
            throw Failure(AppContext.catalogOnly(environment: environment).text(.errorDataDirNotWritable, ["path": directory.path]))
        }
        let keys = KeyStore(dataDirectory: directory)
        if try keys.ownKey() != nil { throw Failure("There is already a signing key in \(keys.directory.path). Records signed with it must stay verifiable, so it is not replaced.") }
        let passphrase = try PassphrasePrompt.readNew(environment: environment, catalog: AppContext.catalogOnly(environment: environment))
        guard let signerRole = SignerRole(rawValue: role) else { throw ValidationError("--role must be one of: \(SignerRole.allNames).") }
        let made = try WorkerKeyFile.create(name: name.trimmingCharacters(in: .whitespaces), role: signerRole, passphrase: passphrase)
        try keys.saveOwnKey(made.file)
        print("Made a signing key for \(BidiIsolation.isolate(made.file.identity.name)) (\(role)), fingerprint \(made.file.identity.fingerprint).")
        print("Share your public key with: blether keys show --json > \(role)-key.json")
    }
}

struct KeysShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show your public key and its fingerprint, and the keys you trust.")

    @ParentCommand var options: Blether
    @Flag(help: "Print your public key as a file a colleague can add with blether keys trust.") var json = false

    func run() throws {
        let environment = AppContext.processEnvironment
        let keys = KeyStore(dataDirectory: DataDirectory.resolve(environment: environment))
        guard let own = try keys.ownKey() else { throw Failure(AppContext.catalogOnly(environment: environment, lang: options.lang).text(.signNoKey)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(own.identity), as: UTF8.self))
            return
        }
        print("\(BidiIsolation.isolate(own.identity.name)) (\(own.identity.role.rawValue))")
        print("public key:  \(own.identity.publicKey)")
        print("fingerprint: \(own.identity.fingerprint)")
        let others = try keys.trustedIdentities().filter { $0.keyID != own.identity.keyID }
        if !others.isEmpty {
            print("trusted keys:")
            for identity in others { print("  \(identity.fingerprint)  \(BidiIsolation.isolate(identity.name)) (\(identity.role.rawValue))") }
        }
    }
}

struct KeysTrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trust", abstract: "Trust a colleague's, advocate's or manager's public key file.")

    @ParentCommand var options: Blether

    @Argument(help: "A file made by blether keys show --json.") var file: String

    func run() throws {
        let keys = KeyStore(dataDirectory: DataDirectory.resolve(environment: AppContext.processEnvironment))
        do {
            let identity = try keys.trust(publicKeyFile: URL(fileURLWithPath: file))
            print("Trusted \(BidiIsolation.isolate(identity.name)) (\(identity.role.rawValue)), fingerprint \(identity.fingerprint). Check the fingerprint with them before relying on it.")
        } catch KeyStore.Problem.notAPublicKey(let path, let reason) {
            throw Failure("\(path): \(reason)")
        } catch KeyStore.Problem.file(let problem) {
            throw Failure(AppContext.catalogOnly(environment: AppContext.processEnvironment, lang: options.lang).text(for: problem))
        }
    }
}
