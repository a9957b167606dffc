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
        let passphrase = try given ?? PassphrasePrompt.read(prompt: catalog.text(.signPassphrase, ["name": file.identity.name]), environment: environment, catalog: catalog)
        do {
            // The passphrase that opened the store at start-up is confirmed without deriving the key again.
            let key = try openedKey.key(of: file.identity, confirmedBy: passphrase) ?? file.unlock(passphrase: passphrase)
            try store.audit(actor: key.identity.keyID, action: .passphraseRight, record: nil, at: Date())
            return key
        } catch WorkerKeyFile.Problem.wrongPassphrase {
            throw try wrongPassphrase(of: file.identity, store: store)
        }
    }

    /// Seals a conversation as its next signed revision and says how to check it.
    func sign(conversation id: String, store: ConversationStore, key: UnlockedKey) throws -> String {
        let summary = try store.summary(id: id)
        guard let loaded = try library.loadedForm(id: summary.formID, version: summary.formVersion) else {
            throw Failure(catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
        }
        let session = try store.restore(id: id, form: loaded.form)
        let words = ConversationWording(catalog: catalog, form: loaded.form)
        do {
            let library = try self.library
            // The read-back and the costing are kept in the language they were gone through in,
            // whichever language this run speaks.
            let recordCatalog = { (language: String) in library.catalog(language: language) ?? FormLibrary.catalogAlone(language: language, from: location, cache: catalogCache) }
            let envelope = try RecordSealing(store: store).seal(
                conversation: summary, session: session, formSHA256: try ContentHash.sha256(fileAt: loaded.url), key: key, at: Date(),
                readBackText: { language in
                    recordCatalog(language).map {
                        ReadBackSummary(session: session, words: ConversationWording(catalog: $0, form: loaded.form), person: summary.person).text
                    }
                },
                costing: { (language: String?) throws(CostingCalculation.Problem) -> CostingRecord? in
                    guard let costing = ConversationCosting(session: session) else { return nil }
                    // The explanation is kept in the language it was gone through in.
                    let recordWords = ConversationWording(catalog: recordCatalog(language ?? summary.language) ?? words.catalog, form: loaded.form)
                    // The file of the very version costed with: older versions may stay installed beside it.
                    let file = library.costingRules.first { $0.rules.id == costing.rules.id && $0.rules.version == costing.rules.version }
                    let hash = file?.rules.fileSHA256 ?? ""
                    return try CostingRecord(costing: costing, words: recordWords, rulesSHA256: hash)
                })
            let number = try store.revisions(record: id).count
            let signed = catalog.text(.plainSigned, ["number": String(number), "fingerprint": KeyIdentity.fingerprint(of: envelope.revisionID), "id": id])
            // That it is referred matters most, and comes first (the full screen has two lines for a note).
            return try store.summary(id: id).state == .referred ? catalog.text(.signReferred) + "\n" + signed : signed
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
        let opened = try context.unlockKeyFile(at: key, passphraseFile: passphraseFile, store: store, record: record)
        let sealing = RecordSealing(store: store)
        let revision: (revisionID: String, number: Int)
        do {
            revision = try sealing.countersign(record: record, key: opened.key, role: opened.trusted.role, at: Date())
        } catch {
            throw Failure(context.countersignProblem(error, name: opened.trusted.name, record: record))
        }
        print("\(BidiIsolation.isolate(opened.trusted.name)) (\(opened.trusted.role.rawValue)) countersigned revision \(KeyIdentity.fingerprint(of: revision.revisionID)) of \(record).")
    }
}

extension AppContext {
    /// Why a countersignature was refused, in words: never a raw database error.
    func countersignProblem(_ problem: RecordSealing.Problem, name: String, record: String) -> String {
        switch problem {
        case .store(.noConversation):
            return "Record \(record) has no signed revision to countersign."
        case .countersignOwn(let number):
            return catalog.text(.countersignOwn, ["name": name, "id": record, "revision": String(number)])
        case .countersignedAlready(let number, let at):
            return catalog.text(.countersignTwice, ["name": name, "id": record, "revision": String(number), "date": LocalTimestamp.text(at)])
        case .store(let error):
            return message(for: error)
        default:
            return "\(problem)"
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
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Failure(catalog.text(for: FileProblem(path: path, action: .reading, error: error)))
        }
        do {
            file = try JSONDecoder().decode(WorkerKeyFile.self, from: bytes)
        } catch {
            throw Failure(catalog.text(.decisionProblemKeyFile, ["path": path]))
        }
        let trustedKeys = try KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()
        guard let trusted = trustedKeys.first(where: { $0.keyID == file.identity.keyID }) else {
            throw Failure(catalog.text(.decisionProblemKeyNotTrusted, ["name": file.identity.name]))
        }
        var theirs = environment
        theirs["BLETHER_PASSPHRASE_FILE"] = passphraseFile
        let passphrase = try given ?? PassphrasePrompt.read(prompt: catalog.text(.signPassphrase, ["name": trusted.name]), environment: theirs, catalog: catalog)
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
        commandName: "verify", abstract: "Check every signature and revision link of signed records, and the store's signed audit log.",
        discussion: """
            Exit 0 only when everything verifies. Every record is checked, and every failure is named with its revision and why. \
            With --all, the store is also checked against its chained, signed audit log: a removed or changed log entry, a record \
            rolled back, truncated or gone, or a removed countersignature is reported. Names and roles come from the keys this \
            machine trusts; a signer it does not know is shown as unconfirmed, with the key fingerprint to compare.
            """)

    @ParentCommand var options: Blether
    @Flag(help: "Every signed record in the store, and the store's audit log.") var all = false
    @Argument(help: "Record ids, or exported bundle files.") var targets: [String] = []

    func validate() throws {
        if !all && targets.isEmpty { throw ValidationError("Name a record, a bundle file, or use --all.") }
    }

    func run() throws {
        let environment = AppContext.processEnvironment
        let looksLikeFile = { (target: String) in target.contains("/") || target.contains(".") }
        var records = targets.filter { !FileManager.default.fileExists(atPath: $0) }
        if let missing = records.first(where: looksLikeFile) { throw Failure("\(missing): there is no such file.") }
        let localKeys = (try? KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()) ?? []
        var failed = false
        for path in targets where FileManager.default.fileExists(atPath: path) {
            let bundle: RecordBundle
            let bytes: Data
            do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                let catalog = AppContext.catalogOnly(environment: environment, lang: options.lang)
                print("FAILED " + catalog.text(for: FileProblem(path: path, action: .reading, error: error)))
                failed = true
                continue
            }
            do {
                bundle = try RecordBundle(decoding: bytes)
            } catch {
                print("FAILED \(path): this is not a Blether record bundle that can be checked (\(error)).")
                failed = true
                continue
            }
            // The bundle's keys show the copy is unchanged since it was signed; whose keys they are
            // comes only from this machine's trust, or from the person comparing fingerprints.
            let result = RevisionVerifier(trusted: localKeys, carried: bundle.publicKeys).verify(record: bundle.record, envelopes: bundle.envelopes)
            failed = report(result) || failed
            let strangers = Set(result.unconfirmed.map(\.keyID))
            guard result.failure == nil, !strangers.isEmpty else { continue }
            let list = strangers.sorted().map { "key \(KeyIdentity.fingerprint(of: $0))" }.joined(separator: ", ")
            if localKeys.isEmpty {
                print("  names unconfirmed: this machine trusts no keys; compare \(list) with the fingerprints printed on the copy")
            } else {
                print("  NOT TRUSTED HERE: signed with \(list), which this machine does not trust")
                failed = true
            }
        }
        guard all || !records.isEmpty else {
            if failed { throw ExitCode(1) }
            return
        }
        let context = try AppContext.load(options)
        let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()
        // The audit log needs no key: it is checked on another core while this one unlocks the
        // key (the deliberate cost of the passphrase), as it stood when the check began.
        let opening = context.startOpening()
        let checking = OnAnotherThread { try opening.value.integrity(trusted: trusted) }
        let store = try context.openStore(opening: opening)
        let integrity: StoreIntegrity
        do {
            integrity = try checking.value
            if all { records = Array(Set(try store.signedRecordIDs()).union(integrity.recordsInLog)).sorted() }
        } catch {
            throw Failure(context.words(for: error))
        }
        var failures = 0
        // For --all, every conversation is read once, not once a record: the state each is
        // listed as, or why it cannot be read.
        let everyConversation: Result<(summaries: [ConversationSummary], unreadable: [(id: String, problem: StoreError)]), StoreError>? =
            all ? Result { () throws(StoreError) in try store.readableSummaries() } : nil
        var listedStates: [String: Result<ConversationState, StoreError>] = [:]
        if case .success(let read)? = everyConversation {
            for summary in read.summaries { listedStates[summary.id] = .success(summary.state) }
            for unread in read.unreadable { listedStates[unread.id] = .failure(unread.problem) }
        }
        let inLog = Set(integrity.recordsInLog)
        // Every record is read, then checked side by side on every core; one that cannot be
        // read does not stop the others being checked.
        for (record, outcome) in RecordSealing(store: store).verify(records: records, trusted: trusted) {
            do {
                let result = try outcome.get()
                if result.revisions == 0 {
                    // A record the log knows is reported below; one nobody knows is named here.
                    if !inLog.contains(record) {
                        failures += 1
                        do {
                            _ = try store.summary(id: record)
                        } catch StoreError.noConversation {
                            // Not a record at all: said as every command that names one says it.
                            FileHandle.standardError.write(Data((BidiIsolation.safeText(context.message(for: .noConversation(id: record))) + "\n").utf8))
                            continue
                        }
                        print("FAILED record \(record): it has no signed revision.")
                    }
                    continue
                }
                // Its conversation must open too (its name is sealed like the rest), and the state
                // `list` shows — not signed — must be the one the latest revision says.
                let stored: ConversationState
                if let listed = listedStates[record] { stored = try listed.get() } else { stored = try store.summary(id: record).state }
                if result.failure == nil, let listed = result.listedState, stored != listed {
                    // Said once, as a failure: its revisions verify, but the list says otherwise.
                    print(BidiIsolation.safeLine("FAILED record \(record): listed as \(stored.rawValue), but its latest signed revision says \(listed.rawValue)"))
                    failures += 1
                } else if report(result) {
                    failures += 1
                }
            } catch {
                print(BidiIsolation.safeText("FAILED record \(record): \(context.message(for: error))"))
                failures += 1
            }
        }
        let named = Set(records)
        if let everyConversation {
            // A conversation listed as signed, referred or decided must have a signed revision to say so.
            do {
                for summary in try everyConversation.get().summaries where summary.state != .draft && !named.contains(summary.id) {
                    print(BidiIsolation.safeLine("FAILED record \(summary.id): listed as \(summary.state.rawValue), but it has no signed revision"))
                    failures += 1
                }
            } catch {
                print(BidiIsolation.safeText("FAILED store: \(context.message(for: error))"))
                failures += 1
            }
        }
        let problems = integrity.problems.filter { all || $0.record.map(named.contains) ?? true }
        for problem in problems { print(BidiIsolation.safeLine("FAILED store: \(problem)")) }
        if all {
            let head = integrity.head.map { "signed head at entry \($0.sequence) by \($0.signer.name) (key \($0.signer.fingerprint))" } ?? "no signed head"
            let later = integrity.unsignedAfterHead > 0 ? "; \(integrity.unsignedAfterHead) later entr\(integrity.unsignedAfterHead == 1 ? "y" : "ies") written without the key" : ""
            print("store: audit log of \(integrity.entries) chained entries, \(head)\(later)")
        }
        failed = failed || failures > 0 || !problems.isEmpty
        context.noteIfPossible {
            try store.audit(actor: store.actor, action: failed ? .verifyFailed : .verified, record: records.count == 1 ? records[0] : nil,
                            detail: "\(records.count) record\(records.count == 1 ? "" : "s")\(all ? " and the store" : ""), \(failures + problems.count) failure\(failures + problems.count == 1 ? "" : "s")",
                            at: Date())
        }
        if failed { throw ExitCode(1) }
    }

    /// Prints one record's result; true when it failed.
    private func report(_ result: RevisionVerifier.Result) -> Bool {
        if let failure = result.failure {
            print(BidiIsolation.safeText("FAILED \(failure)"))
            return true
        }
        let signers = result.signers.last?.joined(separator: ", ") ?? ""
        print(BidiIsolation.safeLine("verified record \(result.record): \(result.revisions) revision\(result.revisions == 1 ? "" : "s"), latest signed by \(signers)"))
        if result.awaitingCountersignature {
            print("  awaiting countersignature: the agreement needs an advocate's or witness's countersignature on the latest revision")
        }
        return false
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
        // Every entry is shown; one that does not read, or that the chained log says was changed
        // after it was written, is said to be so where it stands, and the command fails.
        let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: context.environment)).trustedIdentities()
        let problems = (try? store.integrity(trusted: trusted).problems) ?? []
        var changed = Set<Int>()
        for problem in problems {
            if case .auditEntryChanged(let sequence) = problem { changed.insert(sequence) }
        }
        var failed = false
        let lines = try store.auditLines(record: record)
        if let record, lines.isEmpty {
            // Nothing was ever noted of it: say so, rather than print nothing.
            throw Failure(context.message(for: .noConversation(id: record)))
        }
        for line in lines {
            switch line.entry {
            case .success(let entry):
                let who = names[entry.actor].map { "\(BidiIsolation.isolate($0)) (\(KeyIdentity.fingerprint(of: entry.actor)))" } ?? entry.actor
                let mark = changed.contains(entry.sequence) ? "CHANGED AFTER IT WAS WRITTEN  " : ""
                print(BidiIsolation.safeLine(mark + [RecordTime.text(entry.at), who, entry.action.rawValue, entry.recordID ?? "-", entry.detail].joined(separator: "  ")))
                failed = failed || !mark.isEmpty
            case .failure(let problem):
                print(BidiIsolation.safeLine("DAMAGED entry \(line.sequence): \(context.message(for: problem))"))
                failed = true
            }
        }
        if failed {
            print("Some entries are damaged or were changed: blether verify --all says everything the log shows about the store.")
            throw ExitCode(1)
        }
    }
}
