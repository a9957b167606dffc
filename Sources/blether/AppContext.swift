import BletherCore
import BletherForms
import BletherPlain
import BletherStore
import Foundation

/// What every command that holds a conversation needs: the forms, the words in the
/// chosen language, the store, and how to reach the person (plain or full screen).
struct AppContext {
    let library: FormLibrary
    let catalog: Catalog
    let language: String
    let environment: [String: String]
    let plain: Bool

    /// Loads and checks forms and catalogs; a problem stops start-up with a clear message.
    static func load(plainFlag: Bool, lang: String?) throws -> AppContext {
        let environment = ProcessInfo.processInfo.environment
        let library = FormLibrary.load(from: ContentLocation.resolve(environment: environment))
        let fallback = library.catalog(language: FormLibrary.referenceLanguage)
            ?? Catalog(language: FormLibrary.referenceLanguage, name: "English", reviewed: false, entries: [:])
        guard library.problems.isEmpty, !library.forms.isEmpty else {
            throw Failure(fallback.text(.errorFormsBroken))
        }
        let language: String
        if let lang {
            guard library.catalogs[lang] != nil else {
                throw Failure(fallback.text(.errorNoLanguage, ["language": lang, "languages": library.catalogs.keys.sorted().joined(separator: ", ")]))
            }
            language = lang
        } else {
            language = library.bestLanguage(for: environment["BLETHER_LANG"] ?? environment["LC_ALL"] ?? environment["LANG"])
        }
        let plain = plainFlag || environment["TERM"] == "dumb" || environment["BLETHER_PLAIN"] == "1"
        return AppContext(library: library, catalog: library.catalog(language: language) ?? fallback, language: language,
                          environment: environment, plain: plain)
    }

    func openStore() throws -> ConversationStore {
        do {
            return try ConversationStore.open(directory: DataDirectory.resolve(environment: environment))
        } catch {
            throw Failure(message(for: error))
        }
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
        }
    }

    /// Holds the conversation `id` in plain mode until the worker leaves.
    func hold(conversation summary: ConversationSummary, store: ConversationStore, announce: UIText) throws {
        guard let form = library.form(id: summary.formID, version: summary.formVersion) else {
            let available = library.latestForm(id: summary.formID).map { String($0.version) } ?? "—"
            throw Failure(catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": available]))
        }
        let words = ConversationWording(catalog: catalog, form: form)
        let output = StandardOutput()
        output.line(catalog.text(announce, ["person": summary.person, "form": words.formTitle, "id": summary.id]))
        do {
            let session = try store.restore(id: summary.id, form: form)
            let plain = PlainConversation(session: session, conversationID: summary.id, person: summary.person, store: store,
                                          words: words, input: StandardInput(), output: output)
            _ = try plain.run()
        } catch {
            throw Failure(message(for: error))
        }
    }

    func form(id: String) throws -> Form {
        guard let form = library.latestForm(id: id) else {
            throw Failure(catalog.text(.errorNoForm, ["id": id, "forms": library.latestForms.map(\.id).joined(separator: ", ")]))
        }
        return form
    }
}

/// A failure the user can act on: the message says what, and the exit code is 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
