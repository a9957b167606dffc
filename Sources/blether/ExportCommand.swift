import ArgumentParser
import BletherCore
import BletherRecords
import BletherStore
import Foundation

/// `blether export RECORD --format text|html|bundle [--lang TAG] [-o FILE]`: a copy the
/// supported person can keep, read and check.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Make a copy of a signed record: text, an accessible web page, or a bundle anyone can verify.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, bundle }

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String
    @Option(help: "text (wrapped at 72 columns), html (one accessible page) or bundle (for blether verify FILE).") var format: Format = .text
    @Option(name: .shortAndLong, help: "Where to write the copy (default: standard output).") var output: String?

    func run() throws {
        var context = try AppContext.load(options)
        let store = try context.openStore()
        do {
            let summary = try store.summary(id: record)
            if options.lang == nil, let own = context.library.catalog(language: summary.language) {
                context = context.speaking(summary.language, catalog: own)
            }
            let envelopes = try RecordSealing(store: store).envelopes(record: record)
            guard let latest = envelopes.last else { throw Failure(context.catalog.text(.copyNotSigned, ["id": record])) }
            let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: context.environment)).trustedIdentities()
            let verified = RevisionVerifier(trusted: trusted).verify(record: record, envelopes: envelopes)
            if let failure = verified.failure { throw Failure("FAILED \(failure)") }
            let data: Data
            switch format {
            case .bundle:
                // Only the keys that signed go with the copy: no colleague's name travels with it.
                let signing = Set(envelopes.compactMap { try? Envelope(decoding: $0) }.flatMap { $0.signatures.map(\.keyID) })
                let keys = trusted.filter { signing.contains($0.keyID) }.compactMap { Data(base64Encoded: $0.publicKey) }
                data = RecordBundle(record: record, envelopes: envelopes, publicKeys: keys).encoded
            case .text, .html:
                guard let form = context.library.form(id: summary.formID, version: summary.formVersion) else {
                    throw Failure(context.catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
                }
                let envelope = try Envelope(decoding: latest)
                let content = try SignedRecordContent(envelope: envelope, form: form)
                let names = Dictionary(trusted.map { ($0.keyID, ($0.name, $0.role)) }, uniquingKeysWith: { first, _ in first })
                let added = Dictionary((try store.revisions(record: record).last?.countersignatures ?? []).map { ($0.keyID, $0.signedAt) },
                                       uniquingKeysWith: { first, _ in first })
                let countersigners = envelope.signatures.dropFirst().compactMap { signature in
                    names[signature.keyID].map {
                        (name: $0.0, role: $0.1, keyID: signature.keyID,
                         date: added[signature.keyID].map { String(RecordTime.text($0).prefix(10)) } ?? String(content.sealedAt.prefix(10)))
                    }
                }
                let copy = RecordCopy(content: content, words: ConversationWording(catalog: context.catalog, form: form), countersigners: countersigners)
                // The text copy is read in any editor or terminal: a bidi control in it is shown, never obeyed.
                data = Data((format == .text ? BidiIsolation.safeText(copy.text) : copy.html).utf8)
            }
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
                FileHandle.standardError.write(Data((context.catalog.text(.copyWritten, ["format": format.rawValue, "id": record, "path": output]) + "\n").utf8))
            } else {
                FileHandle.standardOutput.write(data)
            }
            context.noteIfPossible { try store.audit(actor: store.actor, action: .exported, record: record, detail: "\(format.rawValue) \(context.language)", at: Date()) }
            if let form = context.library.form(id: summary.formID, version: summary.formVersion),
               try store.restore(id: record, form: form).answers["copy-wanted"]?.value == .yesNo(true) {
                context.noteIfPossible { try store.audit(actor: store.actor, action: .copyGiven, record: record, detail: "\(format.rawValue) \(context.language)", at: Date()) }
            }
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
