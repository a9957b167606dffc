import ArgumentParser
import BletherCore
import BletherRecords
import BletherStore
import Foundation

/// `blether export RECORD --format text|html|bundle [--lang TAG] [-o FILE] [--given]`: a copy
/// the supported person can keep, read and check; `--given` notes it as the copy given to them.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Make a copy of a signed record: text, an accessible web page, or a bundle anyone can verify.",
        discussion: "A copy written with -o is readable only by you (mode 0600). With --given, the audit log notes the copy given to the person (copy-given, with its format and revision) instead of a worker's export.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, bundle }

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String
    @Option(help: "text (wrapped at 72 columns), html (one accessible page) or bundle (for blether verify FILE).") var format: Format = .text
    @Option(name: .shortAndLong, help: "Where to write the copy, readable only by you (default: standard output).") var output: String?
    @Flag(help: "This is the copy given to the person: note it in the audit log as given, with its format and revision.") var given = false

    func run() throws {
        var context = try AppContext.load(options)
        let store = try context.openStore()
        do {
            let summary = try store.summary(id: record)
            if options.lang == nil, let own = try context.catalog(language: summary.language) {
                context = context.speaking(summary.language, catalog: own)
            }
            let sealing = RecordSealing(store: store)
            let envelopes = try sealing.envelopes(record: record)
            guard let latest = envelopes.last else { throw Failure(context.catalog.text(.copyNotSigned, ["id": record])) }
            let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: context.environment)).trustedIdentities()
            let verified = RevisionVerifier(trusted: trusted).verify(record: record, envelopes: envelopes)
            if let failure = verified.failure { throw Failure("FAILED \(failure)") }
            let copied = try Envelope(decoding: latest)
            let data: Data
            switch format {
            case .bundle:
                // Only the keys that signed go with the copy: no colleague's name travels with it.
                let signing = Set(envelopes.compactMap { try? Envelope(decoding: $0) }.flatMap { $0.signatures.map(\.keyID) })
                let keys = trusted.filter { signing.contains($0.keyID) }.compactMap { Data(base64Encoded: $0.publicKey) }
                data = RecordBundle(record: record, envelopes: envelopes, publicKeys: keys).encoded
            case .text, .html:
                guard let form = try context.library.form(id: summary.formID, version: summary.formVersion) else {
                    throw Failure(context.catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
                }
                // The latest revision, with the revisions before it as its history.
                let history = try sealing.history(record: record, form: form, trusted: trusted)
                guard let revision = history.last else { throw Failure(context.catalog.text(.copyNotSigned, ["id": record])) }
                let copy = RecordCopy(revision: revision, earlier: history.dropLast(), words: ConversationWording(catalog: context.catalog, form: form))
                // The text copy is read in any editor or terminal: a bidi control in it is shown, never obeyed.
                data = Data((format == .text ? BidiIsolation.safeText(copy.text) : copy.html).utf8)
            }
            if let output {
                let home = DataDirectory.resolve(environment: context.environment)
                guard !PrivateFile.isBletherOwn(output, dataDirectory: home) else {
                    throw Failure(context.catalog.text(.copyIntoDataDirectory, ["path": output, "directory": home.path]))
                }
                do {
                    try PrivateFile.write(data, to: output)
                } catch {
                    throw Failure(context.catalog.text(for: FileProblem(path: error.path, action: .writing, errno: error.code)))
                }
                FileHandle.standardError.write(Data((context.catalog.text(.copyWritten, ["format": format.rawValue, "id": record, "path": output]) + "\n").utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
            context.noteIfPossible {
                try sealing.noteExport(record: record, revision: (envelopes.count, copied.revisionID), format: format.rawValue, language: context.language,
                                       given: given, actor: store.actor, at: Date())
            }
            if given {
                FileHandle.standardError.write(Data((context.catalog.text(.copyGiven, ["format": format.rawValue, "number": String(envelopes.count)]) + "\n").utf8))
            }
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
