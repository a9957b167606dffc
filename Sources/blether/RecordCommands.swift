import ArgumentParser
import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation

extension AppContext {
    /// Opens this worker's signing key with a passphrase, noting right and wrong tries in the audit log.
    /// - Parameter given: a passphrase already typed (in the full-screen program); else it is asked for.
    func unlockOwnKey(store: ConversationStore, passphrase given: String? = nil) throws -> UnlockedKey {
        let keys = KeyStore(dataDirectory: DataDirectory.resolve(environment: environment))
        guard let file = try keys.ownKey() else { throw Failure(catalog.text(.signNoKey)) }
        let passphrase = try given ?? PassphrasePrompt.read(prompt: catalog.text(.signPassphrase, ["name": file.identity.name]), environment: environment)
        do {
            let key = try file.unlock(passphrase: passphrase)
            try store.audit(actor: key.identity.keyID, action: "passphrase-right", record: nil, at: Date())
            return key
        } catch WorkerKeyFile.Problem.wrongPassphrase {
            throw try wrongPassphrase(of: file.identity, store: store)
        }
    }

    /// Seals a conversation as its next signed revision and says how to check it.
    func sign(conversation id: String, store: ConversationStore, key: UnlockedKey) throws -> String {
        let summary = try store.summary(id: id)
        guard let loaded = library.loadedForm(id: summary.formID, version: summary.formVersion) else {
            throw Failure(catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
        }
        let session = try store.restore(id: id, form: loaded.form)
        let words = ConversationWording(catalog: catalog, form: loaded.form)
        do {
            let library = self.library
            let envelope = try RecordSealing(store: store).seal(
                conversation: summary, session: session, formSHA256: try ContentHash.sha256(fileAt: loaded.url), key: key, at: Date(),
                readBackText: { language in
                    library.catalog(language: language).map {
                        ReadBackSummary(session: session, words: ConversationWording(catalog: $0, form: loaded.form), person: summary.person).text
                    }
                },
                costing: { (language: String?) throws(CostingCalculation.Problem) -> CostingRecord? in
                    guard let costing = ConversationCosting(session: session) else { return nil }
                    // The explanation is kept in the language it was gone through in.
                    let recordWords = ConversationWording(catalog: library.catalog(language: language ?? summary.language) ?? words.catalog, form: loaded.form)
                    let file = library.costingRules.first { $0.rules.id == costing.rules.id }
                    let hash = (file.flatMap { try? ContentHash.sha256(fileAt: $0.url) }) ?? ""
                    return try CostingRecord(costing: costing, words: recordWords, rulesSHA256: hash)
                })
            let number = try store.revisions(record: id).count
            let signed = catalog.text(.plainSigned, ["number": String(number), "fingerprint": KeyIdentity.fingerprint(of: envelope.revisionID), "id": id])
            // That it is referred matters most, and comes first (the full screen has two lines for a note).
            return try store.summary(id: id).state == "referred" ? catalog.text(.signReferred) + "\n" + signed : signed
        } catch RecordSealing.Problem.incomplete(let sections) {
            throw Failure(catalog.text(.signIncomplete, ["sections": words.sectionList(sections)]))
        } catch RecordSealing.Problem.notReadBack(let question) {
            throw Failure(catalog.text(.signNoReadBack, ["question": words.label(question)]))
        } catch RecordSealing.Problem.readBackOutdated {
            throw Failure(catalog.text(.signReadBackOutdated))
        } catch RecordSealing.Problem.costing(let problem) {
            throw Failure(catalog.text(.costingCannotExplain, ["problem": words.costingProblem(problem)]))
        } catch RecordSealing.Problem.costingNotShown {
            throw Failure(catalog.text(.signCostingNotShown, ["question": loaded.form.costing.map { words.label($0.explained) } ?? ""]))
        } catch RecordSealing.Problem.costingOutdated {
            throw Failure(catalog.text(.signCostingOutdated, ["question": loaded.form.costing.map { words.label($0.explained) } ?? ""]))
        } catch RecordSealing.Problem.unchanged(let revision) {
            throw Failure(catalog.text(.signUnchanged, ["number": String(revision)]))
        }
    }
}

/// `blether sign RECORD`: seal the conversation as a signed revision.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "Sign a finished conversation as the next revision of its record.")

    @ParentCommand var options: Blether
    @Argument(help: "The conversation's id.") var record: String

    func run() throws {
        let context = try AppContext.load(options)
        let store = try context.openStore()
        do {
            _ = try store.summary(id: record)
            let key = try context.unlockOwnKey(store: store)
            print(try context.sign(conversation: record, store: store, key: key))
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}

/// `blether countersign RECORD --key FILE`: an advocate, witness or manager adds their signature.
struct CountersignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "countersign", abstract: "Add an advocate's, witness's or manager's signature to the latest revision.")

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String
    @Option(help: "Their signing key file (keys/signing-key.json from their own data directory).") var key: String
    @Option(help: "A file holding their passphrase, for scripts (otherwise they are asked).") var passphraseFile: String?

    func run() throws {
        let context = try AppContext.load(options)
        let store = try context.openStore()
        let unlocked = try context.unlockKeyFile(at: key, passphraseFile: passphraseFile, store: store, record: record).key
        do {
            let revision = try RecordSealing(store: store).countersign(record: record, key: unlocked, at: Date())
            print("\(unlocked.identity.name) (\(unlocked.identity.role)) countersigned revision \(KeyIdentity.fingerprint(of: revision)) of \(record).")
        } catch RecordSealing.Problem.store(.noConversation) {
            throw Failure("Record \(record) has no signed revision to countersign.")
        }
    }
}

extension AppContext {
    /// Opens another person's signing key file (an advocate's, witness's or manager's) with their
    /// passphrase — given, or read from `passphraseFile` or the keyboard; the key must already be
    /// trusted here, and the identity returned is the one trusted (its role is not the file's to say).
    func unlockKeyFile(at path: String, passphrase given: String? = nil, passphraseFile: String?, store: ConversationStore,
                       record: String) throws -> (key: UnlockedKey, trusted: KeyIdentity) {
        let file: WorkerKeyFile
        do {
            file = try JSONDecoder().decode(WorkerKeyFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Failure(catalog.text(.decisionProblemKeyFile, ["path": path]))
        }
        let trustedKeys = try KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()
        guard let trusted = trustedKeys.first(where: { $0.keyID == file.identity.keyID }) else {
            throw Failure(catalog.text(.decisionProblemKeyNotTrusted, ["name": file.identity.name]))
        }
        var theirs = environment
        theirs["BLETHER_PASSPHRASE_FILE"] = passphraseFile
        let passphrase = try given ?? PassphrasePrompt.read(prompt: catalog.text(.signPassphrase, ["name": trusted.name]), environment: theirs)
        do {
            return (try file.unlock(passphrase: passphrase), trusted)
        } catch {
            guard error == .wrongPassphrase else { throw error }
            throw try wrongPassphrase(of: file.identity, store: store, record: record)
        }
    }
}

/// `blether verify RECORD…|--all|FILE`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every signature and revision link of signed records.",
        discussion: "Exit 0 only when everything verifies; otherwise the first failing record and revision are named, with why.")

    @ParentCommand var options: Blether
    @Flag(help: "Every signed record in the store.") var all = false
    @Argument(help: "Record ids, or exported bundle files.") var targets: [String] = []

    func validate() throws {
        if !all && targets.isEmpty { throw ValidationError("Name a record, a bundle file, or use --all.") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var results: [RevisionVerifier.Result] = []
        var notes: [String: String] = [:]
        var untrusted = false
        let looksLikeFile = { (target: String) in target.contains("/") || target.contains(".") }
        var records = targets.filter { !FileManager.default.fileExists(atPath: $0) }
        if let missing = records.first(where: looksLikeFile) { throw Failure("\(missing): there is no such file.") }
        let localKeys = (try? KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()) ?? []
        for path in targets where FileManager.default.fileExists(atPath: path) {
            let bundle: RecordBundle
            do {
                bundle = try RecordBundle(decoding: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw Failure("\(path): this is not a Blether record bundle (\(error)).")
            }
            // The bundle's own keys show the copy is unchanged since it was signed; whose keys
            // they are is checked against this machine's trusted keys, or by the person
            // against the key fingerprints printed on their copy.
            let result = RevisionVerifier(trusted: bundle.keys).verify(record: bundle.record, envelopes: bundle.envelopes)
            results.append(result)
            let trustedIDs = Set(localKeys.map(\.keyID))
            let strangers = bundle.keys.filter { !trustedIDs.contains($0.keyID) }
            if !strangers.isEmpty {
                let list = strangers.map { "\($0.name) (key \($0.fingerprint))" }.joined(separator: ", ")
                if localKeys.isEmpty {
                    notes[bundle.record] = "signed with the keys of \(list): compare these fingerprints with the ones printed on the copy"
                } else {
                    notes[bundle.record] = "NOT TRUSTED HERE: signed with the keys of \(list), which this machine does not trust"
                    untrusted = true
                }
            }
        }
        if all || !records.isEmpty {
            let context = try AppContext.load(options)
            let store = try context.openStore()
            let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()
            do {
                if all { records = try store.signedRecordIDs() }
                for record in records {
                    guard try !store.revisions(record: record).isEmpty else { throw Failure("Record \(record) has no signed revision.") }
                    results.append(try RecordSealing(store: store).verify(record: record, trusted: trusted))
                }
            } catch let error as StoreError {
                throw Failure(context.message(for: error))
            }
        }
        var failed = false
        for result in results {
            if let failure = result.failure {
                failed = true
                print("FAILED \(failure)")
            } else {
                let signers = result.signers.last?.joined(separator: ", ") ?? ""
                print("verified record \(result.record): \(result.revisions) revision\(result.revisions == 1 ? "" : "s"), latest signed by \(signers)")
            }
            if let note = notes[result.record] { print("  \(note)") }
        }
        if failed || untrusted { throw ExitCode(1) }
    }
}

/// `blether audit [RECORD]`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Show who opened, changed, signed, exported or verified which record, and when.")

    @ParentCommand var options: Blether
    @Argument(help: "Only this record.") var record: String?

    func run() throws {
        let context = try AppContext.load(plainFlag: true, lang: options.lang)
        let store = try context.openLockedStore()
        let names = Dictionary((try KeyStore(dataDirectory: DataDirectory.resolve(environment: context.environment)).trustedIdentities()).map { ($0.keyID, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        for entry in try store.auditEntries(record: record) {
            let who = names[entry.actor].map { "\($0) (\(KeyIdentity.fingerprint(of: entry.actor)))" } ?? entry.actor
            print([RecordTime.text(entry.at), who, entry.action, entry.recordID ?? "-", entry.detail].joined(separator: "  "))
        }
    }
}
