import BletherApp
import BletherCore
import BletherForms
import BletherPlain
import BletherRecords
import BletherStore
import BletherTUI
import BletherTerminal
import Foundation

/// What every command that holds a conversation needs: the forms, the words in the
/// chosen language, the store, and how to reach the person (plain or full screen).
struct AppContext {
    /// The forms and catalogs, being read since start-up.
    let loading: LibraryLoading
    /// Where the forms and catalogs are.
    let location: ContentLocation
    let catalog: Catalog
    let language: String
    let environment: [String: String]
    let plain: Bool
    let display: DisplaySettings
    /// The key this process opened and the passphrase's salted hash: confirming the passphrase
    /// again (to sign, or to end the person's review) costs no second key derivation.
    var openedKey = OpenedKeyMemory()

    /// The forms, costing rules and the catalogs of the language in use, once read and
    /// checked; the first use waits for the reading started with the program.
    /// - Throws: ``Failure`` when a form or the reference catalog has a problem.
    var library: FormLibrary {
        get throws { try loading.checked(speaking: catalog) }
    }

    /// The words of `language` (a record's own language), gaps filled from the reference
    /// language: from the library when it is the language in use, else read alone now.
    func catalog(language: String) throws -> Catalog? {
        try library.catalog(language: language) ?? FormLibrary.catalogAlone(language: language, from: location, cache: catalogCache)
    }

    /// Where the words as last read are kept, to draw the first screen without reading YAML.
    var catalogCache: CatalogCache { AppContext.catalogCache(environment: environment) }

    /// `cache` in the data directory (see ``CatalogCache``).
    static func catalogCache(environment: [String: String]) -> CatalogCache {
        CatalogCache(directory: DataDirectory.resolve(environment: environment).appendingPathComponent("cache", isDirectory: true))
    }

    /// Finds the words of the language to speak and starts reading the forms; the caller
    /// draws its first screen without waiting for them.
    static func load(_ options: Blether) throws -> AppContext {
        try load(plainFlag: options.plain, lang: options.lang,
                 display: display(highContrast: options.highContrast, ascii: options.ascii, noMouse: options.noMouse))
    }

    /// How the full screen looks: the flags given, else the environment (`NO_COLOR`,
    /// `BLETHER_HIGH_CONTRAST`, `BLETHER_ASCII`, `BLETHER_NO_MOUSE`).
    static func display(highContrast: Bool = false, ascii: Bool = false, noMouse: Bool = false) -> DisplaySettings {
        let environment = AppContext.processEnvironment
        return DisplaySettings(
            colour: environment["NO_COLOR"].map(\.isEmpty) ?? true,
            highContrast: highContrast || environment["BLETHER_HIGH_CONTRAST"] == "1",
            asciiOnly: ascii || environment["BLETHER_ASCII"] == "1",
            mouse: !(noMouse || environment["BLETHER_NO_MOUSE"] == "1"))
    }

    static func load(plainFlag: Bool, lang: String?, display: DisplaySettings = DisplaySettings()) throws -> AppContext {
        let environment = AppContext.processEnvironment
        let location = ContentLocation.resolve(environment: environment)
        // The languages there are, from the catalogs' file names: nothing is read yet.
        let languages = FormLibrary.languages(in: location)
        let language: String
        if let lang {
            guard languages.contains(lang) else {
                let reference = FormLibrary.catalogAlone(language: FormLibrary.referenceLanguage, from: location,
                                                         cache: catalogCache(environment: environment)) ?? Self.noWords
                throw UsageFailure(reference.text(.errorNoLanguage, ["language": lang, "languages": languages.sorted().joined(separator: ", ")]))
            }
            language = lang
        } else {
            language = FormLibrary.bestLanguage(for: environment["BLETHER_LANG"] ?? environment["LC_ALL"] ?? environment["LANG"], among: languages)
        }
        let loading = LibraryLoading(location: location, language: language, cache: catalogCache(environment: environment))
        // The one catalog the first screen speaks, read alone; one with a problem waits for the
        // whole reading, which falls back to the reference language or says what is wrong.
        let catalog: Catalog
        if let alone = FormLibrary.catalogAlone(language: language, from: location, cache: catalogCache(environment: environment)) {
            catalog = alone
        } else {
            let library = loading.library
            let fallback = library.catalog(language: FormLibrary.referenceLanguage) ?? Self.noWords
            catalog = library.catalog(language: language) ?? fallback
            _ = try loading.checked(speaking: fallback)
        }
        // The full screen needs a terminal on both sides; anything else gets plain mode.
        let plain = plainFlag || environment["TERM"] == "dumb" || environment["BLETHER_PLAIN"] == "1" || isatty(0) == 0 || isatty(1) == 0
        return AppContext(loading: loading, location: location, catalog: catalog, language: language,
                          environment: environment, plain: plain, display: display)
    }

    /// The process's environment, read once (Foundation builds a new dictionary on every read).
    static let processEnvironment = ProcessInfo.processInfo.environment

    /// Words for when even the reference catalog cannot be read: each text's key.
    static let noWords = Catalog(language: FormLibrary.referenceLanguage, name: "English", reviewed: false, entries: [:])

    /// Only the program's words, in the language `BLETHER_LANG`, `LC_ALL` or `LANG` asks for,
    /// for commands that hold no conversation (`keys init`); a broken form does not stop them.
    /// - Parameter lang: the language `--lang` asked for; one that has no catalog is passed over.
    static func catalogOnly(environment: [String: String], lang: String? = nil) -> Catalog {
        let location = ContentLocation.resolve(environment: environment)
        let languages = FormLibrary.languages(in: location)
        let language = lang.flatMap { languages.contains($0) ? $0 : nil }
            ?? FormLibrary.bestLanguage(for: environment["BLETHER_LANG"] ?? environment["LC_ALL"] ?? environment["LANG"], among: languages)
        let cache = catalogCache(environment: environment)
        return FormLibrary.catalogAlone(language: language, from: location, cache: cache)
            ?? FormLibrary.catalogAlone(language: FormLibrary.referenceLanguage, from: location, cache: cache) ?? noWords
    }

    /// Opens the store with the worker's key, asking for the passphrase. Personal content
    /// is sealed at rest, so nothing but routing data can be read without it.
    ///
    /// - Parameter opening: the database being opened without the key (``startOpening()``), for a
    ///   caller that reads what needs no key while the key is unlocked; by default started here.
    func openStore(opening given: OnAnotherThread<ConversationStore>? = nil) throws -> ConversationStore {
        let directory = DataDirectory.resolve(environment: environment)
        do { try ConversationStore.prepare(directory: directory) } catch { throw Failure(message(for: error)) }
        let keys = KeyStore(dataDirectory: directory)
        var justChosen: String?
        var own = try keys.ownKey()
        if own == nil {
            justChosen = try createKeyOnFirstRun(keys)
            own = try keys.ownKey()
        }
        guard let file = own else {
            // Without a terminal nobody can be asked: say exactly what to run, the way Blether was started.
            guard isatty(0) == 1 else { throw Failure(catalog.text(.keysNoKeyWithoutTerminal, ["command": Invocation.current.command])) }
            throw Failure(catalog.text(.signNoKey))
        }
        // The database is opened on another core while the passphrase is typed and the key unlocked.
        let opening = given ?? startOpening()
        let ask = { try PassphrasePrompt.read(prompt: self.catalog.text(.signPassphrase, ["name": file.identity.name]), environment: self.environment, catalog: self.catalog) }
        var passphrase = try justChosen ?? ask()
        // A passphrase typed wrong may be typed again, up to `AppContext.passphraseTries` in all;
        // one from a file is not asked again, because the file would say the same.
        let typed = justChosen == nil && (environment["BLETHER_PASSPHRASE_FILE"] ?? "").isEmpty
        var tries = 1
        while true {
            do {
                let key = try file.unlock(passphrase: passphrase)
                openedKey.remember(OpenedKey(key: key, passphrase: passphrase))
                let store = try opening.value.unlocked(with: key)
                noteIfPossible { try store.audit(actor: key.identity.keyID, action: .passphraseRight, record: nil, at: Date()) }
                // A key sealed at a cost Blether no longer uses is sealed again now, the same key
                // inside; if it cannot be written, the old file still opens, and is tried next time.
                if (try? keys.sealOwnKeyAgainIfNeeded(file, passphrase: passphrase, key: key)) == true {
                    noteIfPossible { try store.audit(actor: key.identity.keyID, action: .keySealedAgain, record: nil, at: Date()) }
                }
                return store
            } catch WorkerKeyFile.Problem.wrongPassphrase {
                let locked: ConversationStore
                do { locked = try opening.value } catch let error as StoreError { throw Failure(message(for: error)) }
                let failure = try wrongPassphrase(of: file.identity, store: locked)
                guard typed, tries < AppContext.passphraseTries else { throw failure }
                FileHandle.standardError.write(Data((failure.description + "\n").utf8))
                passphrase = try ask()
                tries += 1
            } catch let error as StoreError {
                throw Failure(message(for: error))
            }
        }
    }

    /// The store opened without the key, on a thread of its own: ``openStore(opening:)`` gives
    /// it the key once unlocked, and a caller may read what needs no key from it meanwhile.
    func startOpening() -> OnAnotherThread<ConversationStore> {
        let directory = DataDirectory.resolve(environment: environment)
        return OnAnotherThread { () throws(StoreError) in try ConversationStore.open(directory: directory, key: nil) }
    }

    /// How many times a passphrase may be typed at start-up before Blether stops (each wrong
    /// one is noted in the audit log, and a fifth in a row is noted as such).
    static let passphraseTries = 3

    /// The store without the key: ids, states, dates, forms and the audit log only.
    func openLockedStore() throws -> ConversationStore {
        do {
            return try ConversationStore.open(directory: DataDirectory.resolve(environment: environment), key: nil)
        } catch {
            throw Failure(message(for: error))
        }
    }

    /// On a worker's first run at a terminal, makes their key and returns the passphrase
    /// just chosen; scripts are told to run `keys init` instead.
    private func createKeyOnFirstRun(_ keys: KeyStore) throws -> String? {
        guard isatty(0) == 1, environment["BLETHER_PASSPHRASE_FILE"] == nil else { return nil }
        FileHandle.standardError.write(Data((catalog.text(.keysFirstRun) + "\n" + catalog.text(.keysAskName) + " ").utf8))
        guard let name = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        let passphrase = try PassphrasePrompt.readNew(environment: environment, catalog: catalog)
        let made = try WorkerKeyFile.create(name: name, role: .worker, passphrase: passphrase)
        try keys.saveOwnKey(made.file)
        return passphrase
    }

    func message(for error: StoreError) -> String {
        switch error {
        case .directoryNotWritable(let path): catalog.text(.errorDataDirNotWritable, ["path": path])
        case .newerDatabase(let path, _): catalog.text(.errorDatabaseNewer, ["path": path])
        case .unreadable(let path, let reason): catalog.text(.errorDatabaseUnreadable, ["path": path, "reason": reason])
        case .noConversation(let id): catalog.text(.errorNoConversation, ["id": id])
        case .damagedAnswer(let conversation, let question):
            catalog.text(.errorDatabaseUnreadable, ["path": "\(conversation)/\(question)", "reason": "damaged answer"])
        case .cannotSave(let reason): catalog.text(.errorDatabaseUnreadable, ["path": DataDirectory.resolve(environment: environment).path, "reason": reason])
        case .locked: catalog.text(.signNoKey)
        case .sealedWithAnotherKey(let what): catalog.text(.errorSealedWithAnotherKey, ["what": what])
        case .damaged(let what): catalog.text(.errorDamaged, ["what": what])
        }
    }

    /// Holds the conversation `id` in plain mode until the worker leaves.
    func hold(conversation summary: ConversationSummary, store: ConversationStore, announce: UIText) throws {
        let library = try self.library
        guard let form = library.form(id: summary.formID, version: summary.formVersion) else {
            let available = library.latestForm(id: summary.formID).map { String($0.version) } ?? "—"
            throw Failure(catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": available]))
        }
        let words = ConversationWording(catalog: catalog, form: form)
        let output = StandardOutput()
        output.line(catalog.text(announce, ["person": summary.person, "form": words.formTitle, "id": summary.id]))
        do {
            // The person's own words from their review reach the worker as requests.
            let comments = try store.reviewComments(conversation: summary.id)
            if !comments.isEmpty {
                output.line(catalog.text(.reviewRequests, count: comments.count, ["person": summary.person]))
                for comment in comments { output.line("    “" + comment.text.replacingOccurrences(of: "\n", with: " ") + "”") }
            }
            let session = try store.restore(id: summary.id, form: form)
            let plain = PlainConversation(session: session, conversationID: summary.id, person: summary.person, store: store,
                                          words: words, input: StandardInput(), output: output,
                                          signer: { try inWords { try sign(conversation: summary.id, store: store, key: try unlockOwnKey(store: store)) } })
            _ = try plain.run()
        } catch {
            throw Failure(message(for: error))
        }
    }

    /// Runs the full-screen program; `prepare` may open or start a conversation first.
    /// Returns how it ended: left, or by a signal.
    @discardableResult
    func runFullScreen(store: ConversationStore, prepare: (FullScreenApp) throws(StoreError) -> Void = { _ in }) throws -> FullScreenEnding {
        do {
            let app = try FullScreenApp(library: try library, catalog: catalog, language: language, store: store, size: (80, 24), settings: display)
            app.signing = FullScreenApp.Signing { passphrase, conversation in
                try inWords { try sign(conversation: conversation, store: store, key: try unlockOwnKey(store: store, passphrase: passphrase)) }
            }
            app.deciding = FullScreenApp.Deciding { decision in
                try inWords {
                    let decider = try decidingKey(file: decision.keyFile, passphrase: decision.passphrase, store: store, record: decision.record)
                    return try decide(record: decision.record, store: store, key: decider.key, identity: decider.trusted,
                                      outcome: decision.outcome, reasons: decision.reasons)
                }
            }
            let keys = KeyStore(dataDirectory: DataDirectory.resolve(environment: environment))
            app.trustedKeys = { try keys.trustedIdentities() }
            let keyFile = try? keys.ownKey()
            app.signingKey = keyFile.map { SigningKeyShown(name: $0.identity.name, fingerprint: $0.identity.fullFingerprint) }
            if let keyFile {
                app.isWorkersPassphrase = { [openedKey] in openedKey.key(of: keyFile.identity, confirmedBy: $0) != nil }
            }
            app.reviewLock = app.reviewLock ?? { [openedKey] passphrase in
                let opened = keyFile.map { openedKey.key(of: $0.identity, confirmedBy: passphrase) != nil || (try? $0.unlock(passphrase: passphrase)) != nil } ?? false
                try? store.audit(actor: store.actor, action: opened ? .passphraseRight : .passphraseWrong, record: nil, at: Date())
                return opened
            }
            try prepare(app)
            let ending = try FullScreenRunner.run(app)
            if let conversation = app.conversation {
                print(catalog.text(.screenLeaving, ["id": conversation.summary.id]))
            }
            return ending
        } catch let error as StoreError {
            throw Failure(message(for: error))
        } catch is TerminalDriver.StartError {
            throw Failure(catalog.text(.errorNoTerminal))
        }
    }

    /// The same context speaking another language (a copy in the record's language).
    func speaking(_ language: String, catalog: Catalog) -> AppContext {
        AppContext(loading: loading, location: location, catalog: catalog, language: language, environment: environment, plain: plain, display: display, openedKey: openedKey)
    }

    func form(id: String) throws -> Form {
        let library = try self.library
        guard let form = library.latestForm(id: id) else {
            throw Failure(catalog.text(.errorNoForm, ["id": id, "forms": library.latestForms.map(\.id).joined(separator: ", ")]))
        }
        return form
    }
}

extension AppContext {
    /// Any error as the user is told it, in their language: Blether's own failures as they
    /// are, a file that cannot be read or written as a ``FileProblem`` sentence, the store's
    /// problems as ``message(for:)`` says them.
    func words(for error: any Error) -> String {
        switch error {
        case let failure as Failure: failure.description
        case let usage as UsageFailure: usage.description
        case let problem as FileProblem: catalog.text(for: problem)
        case let problem as PrivateFile.Problem: catalog.text(for: FileProblem(path: problem.path, action: .writing, errno: problem.code))
        case let problem as KeyStore.Problem: problem.fileProblem.map(catalog.text(for:)) ?? problem.description
        case let problem as StoreError: message(for: problem)
        default: "\(error)"
        }
    }

    /// Runs `work`, any error it throws turned into a ``Failure`` in words (see ``words(for:)``).
    func inWords<Value>(_ work: () throws -> Value) throws -> Value {
        do { return try work() } catch let failure as Failure { throw failure } catch { throw Failure(words(for: error)) }
    }
}

/// A failure the user can act on: the message says what, and the exit code is 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The command was used wrongly (a language that does not exist, say): the message says how
/// to use it, and the exit code is 2, as for every other usage error.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension AppContext {
    /// Notes a wrong passphrase for `identity`'s key in the audit log and says so; a fifth in a
    /// row is noted, and said, too.
    func wrongPassphrase(of identity: KeyIdentity, store: ConversationStore, record: String? = nil) throws -> Failure {
        noteIfPossible { try store.audit(actor: identity.keyID, action: .passphraseWrong, record: record, at: Date()) }
        var message = catalog.text(.signWrongPassphrase)
        if try store.wrongPassphrasesInARow() == 5 {
            noteIfPossible { try store.audit(actor: identity.keyID, action: .passphraseWrongFiveTimes, record: record, at: Date()) }
            message += " " + catalog.text(.signWrongFiveTimes)
        }
        return Failure(message)
    }

    /// Writes an audit entry for something that only reads; when it cannot be written (a full
    /// disk, say) the reading goes on and the worker is told it was not logged.
    func noteIfPossible(_ write: () throws -> Void) {
        do {
            try write()
        } catch {
            let reason: String
            switch error as? StoreError {
            case .cannotSave(let why), .unreadable(_, let why): reason = why
            case let other?: reason = message(for: other)
            case nil: reason = words(for: error)
            }
            FileHandle.standardError.write(Data((catalog.text(.auditNotWritten, ["reason": reason]) + "\n").utf8))
        }
    }
}
