import ArgumentParser
import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension CopyFormat: ExpressibleByArgument {}

/// `blether export RECORD [--format FORMAT] [--lang TAG] [-o FILE|FOLDER] [--given]`: the copy
/// the supported person asked for, made from the latest signed revision. Without `--format`,
/// every format the record says they want, in the language it names, into one folder; with
/// it, that one format, to a file or standard output. `--given` notes it as the copy given to them.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Make the person's copy of a signed record, in every format they asked for, or in one.",
        discussion: """
            Without --format, every format recorded as wanted (the agreement's "In what form?", in the language of "In which language?") \
            is made into the folder -o names (made readable only by you, mode 0700; each file 0600): printed gives copy.txt and \
            copy.html, large print large-print.html and large-print.pdf (headless Chromium), easy read easy-read.html, email \
            copy.html, audio audio.wav (espeak-ng), braille braille.brf (liblouis). A record that does not say gets the printed \
            copy; so does one where the person said they wanted no copy, and export says so. With --format, that one copy goes to \
            -o FILE, or to standard output (no -o, or -o -) for a text format (text, html, large-print, easy-read, bundle); pdf, \
            braille and audio need -o FILE. Never into Blether's data directory. With --given, the audit log notes the copy given \
            to the person (copy-given, with its formats and revision) instead of a worker's export: only for a copy written to an \
            ordinary file or folder, and, when the person said they wanted no copy, only for the --format named (they changed \
            their mind). An existing folder is used only when it is already private (mode 0700): one others can read or \
            enter is refused, unchanged. A link at -o is replaced by the copy, never followed. Messages are in your language \
            (BLETHER_LANG, LANG, or blether --lang before export); the copy is in the one the record asks for, or export's \
            own --lang.
            """)

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String
    @Option(help: "Make one copy: text, html, large-print, pdf, easy-read, braille, audio or bundle (for blether verify FILE). Without it, every format the person asked for, into the folder -o names.")
    var format: CopyFormat?
    @Option(name: .shortAndLong, help: "With --format, the file to write (default, or -: standard output, for text formats only); without it, the folder to make the copies in. Readable only by you; never inside Blether's data directory.")
    var output: String?
    @Flag(help: "This is the copy given to the person: note it in the audit log as given, with its formats and revision. Needs -o (a file or folder, not standard output or a device); when the person said they wanted no copy, needs --format (the copy they want now).")
    var given = false

    func run() throws {
        // `--lang` after `export` is the copy's language (the one the record asks for when not
        // given); the worker's messages follow `blether --lang` before it, else BLETHER_LANG or LANG.
        let said = Blether.languages(in: Array(CommandLine.arguments.dropFirst()))
        var workerOptions = options
        workerOptions.lang = said.beforeCommand
        let copyLanguage = said.afterCommand
        let context = try AppContext.load(workerOptions)
        // Messages are the worker's, in the language they work in; the copy is in the person's.
        let worker = context.catalog
        var copyContext = context
        let home = DataDirectory.resolve(environment: context.environment)
        let destination = try checkedDestination(worker: worker, home: home)
        let store = try context.openStore()
        do {
            let summary = try store.summary(id: record)
            let sealing = RecordSealing(store: store)
            let envelopes = try sealing.envelopes(record: record)
            guard let latest = envelopes.last else { throw Failure(worker.text(.copyNotSigned, ["id": record])) }
            let trusted = try KeyStore(dataDirectory: home).trustedIdentities()
            let verified = RevisionVerifier(trusted: trusted).verify(record: record, envelopes: envelopes)
            if let failure = verified.failure { throw Failure("FAILED \(failure)") }
            let copied = try Envelope(decoding: latest)
            guard let form = try context.library.form(id: summary.formID, version: summary.formVersion) else {
                throw Failure(worker.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
            }
            // The latest revision, with the revisions before it as its history.
            let history = try sealing.history(record: record, form: form, trusted: trusted)
            guard let revision = history.last else { throw Failure(worker.text(.copyNotSigned, ["id": record])) }
            let asked = RecordedCopyAnswer(revision.content.session)
            let wish = asked.wish
            var notes: [String] = []
            let languages = FormLibrary.languages(in: context.location).sorted()
            if let copyLanguage {
                // The copy in the language the worker names, and the record's wish said beside it.
                guard languages.contains(copyLanguage), let own = try context.catalog(language: copyLanguage) else {
                    throw UsageFailure(worker.text(.errorNoLanguage, ["language": copyLanguage, "languages": languages.joined(separator: ", ")]))
                }
                copyContext = context.speaking(copyLanguage, catalog: own)
                if let recorded = wish?.language(among: languages) {
                    if recorded != copyLanguage {
                        let named = try context.catalog(language: recorded)?.name ?? recorded
                        notes.append(worker.text(.copyLanguageNotAsked, ["language": own.name, "asked": named]))
                    }
                } else if let answer = wish?.languageAnswer {
                    notes.append(worker.text(.copyLanguageNotAsked, ["language": own.name, "asked": "“\(answer)”"]))
                }
            } else {
                // The language the record asks the copy in, else the conversation's own.
                let language = wish?.language(among: languages) ?? summary.language
                if let own = try context.catalog(language: language) { copyContext = context.speaking(language, catalog: own) }
                if let answer = wish?.languageAnswer {
                    notes.append(wish?.language(among: languages) == nil
                        ? worker.text(.copyLanguageUnknown, ["answer": answer, "languages": languages.joined(separator: ", "), "language": copyContext.catalog.name])
                        : worker.text(.copyLanguageRecorded, ["language": copyContext.catalog.name]))
                }
            }
            let copy = RecordCopy(revision: revision, earlier: history.dropLast(), words: ConversationWording(catalog: copyContext.catalog, form: form))
            let made: [CopyFormat]
            switch destination {
            case .standardOutput(let format), .file(let format, _):
                if asked == .declined {
                    // A copy the person said no to is still the worker's to make; it is given only
                    // when the worker says so, by naming the format they want now.
                    notes.append(given ? worker.text(.copyDeclinedChangedMind, ["format": worker.text(format.nameText)])
                                       : worker.text(.copyDeclinedOne))
                }
                notes.forEach(ExportCommand.say)
                try writeOne(format, to: destination, copy: copy, envelopes: envelopes, trusted: trusted, worker: worker, copyCatalog: copyContext.catalog)
                made = [format]
            case .folder(let output):
                var formats = wish?.formats ?? []
                switch asked {
                case .declined:
                    guard !given else { throw Failure(worker.text(.copyDeclinedGiven, ["id": record])) }
                    notes.append(worker.text(.copyDeclinedPrinted))
                    formats = CopyFormat.wanted(byRecordedChoice: "printed")
                case .wanted, .notRecorded:
                    if formats.isEmpty {
                        notes.append(worker.text(.copyNoneWanted))
                        formats = CopyFormat.wanted(byRecordedChoice: "printed")
                    }
                }
                notes.forEach(ExportCommand.say)
                let folder = try makeFolder(output, worker: worker, home: home)
                var problems: [String] = []
                made = formats.filter { format in
                    let path = folder + "/" + format.fileName
                    do {
                        // A link left in the folder under a copy's name never leads the copy over Blether's own files.
                        if let own = PrivateFile.ownFile(path, dataDirectory: home) {
                            throw Failure(ExportCommand.refusal(path, own: own, worker: worker))
                        }
                        // A copy given is a file that can be handed over: not a pipe or a device left under its name.
                        guard !given || PrivateFile.canHoldCopy(path, links: .replaced) else { throw Failure(worker.text(.copyGivenNotAFile, ["path": path])) }
                        // Any other link left under a copy's name is replaced by the copy, never followed.
                        try PrivateFile.write(try data(format, copy: copy, envelopes: envelopes, trusted: trusted, worker: worker, copyCatalog: copyContext.catalog),
                                              to: path, links: .replaced)
                        ExportCommand.say(worker.text(.copyWritten, ["format": worker.text(format.nameText), "id": record, "path": path]))
                        return true
                    } catch let failure as Failure {
                        problems.append(failure.description)
                    } catch let problem as PrivateFile.Problem {
                        problems.append(worker.text(for: FileProblem(path: problem.path, action: .writing, errno: problem.code)))
                    } catch {
                        problems.append("\(error)")
                    }
                    return false
                }
                if !made.isEmpty {
                    note(made, revision: (envelopes.count, copied.revisionID), store: store, sealing: sealing, context: context, language: copyContext.language)
                }
                // What could not be made is said last, and the exit status says something is still to do.
                if !problems.isEmpty { throw Failure(problems.joined(separator: "\n")) }
                return
            }
            note(made, revision: (envelopes.count, copied.revisionID), store: store, sealing: sealing, context: context, language: copyContext.language)
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }

    /// Where the copy goes, as `--format` and `-o` say.
    enum Destination: Equatable {
        /// One format, to standard output (`-o -`, or no `-o`).
        case standardOutput(CopyFormat)
        /// One format, to a file.
        case file(CopyFormat, String)
        /// Every format the person asked for, into this folder.
        case folder(String)
    }

    /// Where `--format`, `-o` and `--given` send the copy, refused before anything is read or
    /// written when they cannot: an empty `-o`; `-o -` for a folder; a PDF, braille or sound
    /// to standard output; a copy given that is not written to a file that can be handed over;
    /// a file in Blether's data directory, or one of Blether's own files.
    private func checkedDestination(worker: Catalog, home: URL) throws -> Destination {
        if output == "" { throw UsageFailure(worker.text(.copyOutputEmpty)) }
        guard let format else {
            guard let output else { throw UsageFailure(worker.text(.copyFolderNeeded)) }
            if output == "-" { throw UsageFailure(worker.text(.copyOutputDashFolder)) }
            return .folder(output)
        }
        guard let output, output != "-" else {
            guard format.isText else { throw UsageFailure(worker.text(.copyNotTextToStandardOutput, ["format": worker.text(format.nameText)])) }
            // What reaches standard output may be a terminal, a pipe or a file appended to: nobody can say it was handed over.
            if given { throw UsageFailure(worker.text(.copyGivenNeedsFile)) }
            return .standardOutput(format)
        }
        if let own = PrivateFile.ownFile(output, dataDirectory: home) {
            throw Failure(ExportCommand.refusal(output, own: own, worker: worker))
        }
        guard !PrivateFile.isInsideDataDirectory(output, dataDirectory: home) else {
            throw Failure(worker.text(.copyIntoDataDirectory, ["path": output, "directory": home.path]))
        }
        // A name ending in / is a folder's: one that is there is a folder, not a file; one that is not, is missing.
        if output.count > 1 && output.hasSuffix("/") {
            let named = ExportCommand.withoutTrailingSlashes(output)
            var status = stat()
            if stat(named, &status) == 0 {
                if status.st_mode & S_IFMT == S_IFDIR { throw Failure(worker.text(for: FileProblem(path: named, action: .writing, kind: .isAFolder))) }
            } else if errno == ENOENT {
                throw Failure(worker.text(for: FileProblem(path: named, action: .reading, kind: .missing)))
            }
        }
        // A link there is replaced by the copy (see writeOne), so it is the copy that is handed over.
        if given && !PrivateFile.canHoldCopy(output, links: .replaced) { throw Failure(worker.text(.copyGivenNotAFile, ["path": output])) }
        return .file(format, output)
    }

    /// Why a copy is not written to `path`: which of Blether's own files it is, and where that is.
    private static func refusal(_ path: String, own: (kind: PrivateFile.OwnFile, path: String), worker: Catalog) -> String {
        let key: UIText = switch own.kind {
        case .dataDirectory: .copyOwnDataDirectory
        case .database: .copyOwnDatabase
        case .journal: .copyOwnJournal
        case .lock: .copyOwnLock
        case .keys: .copyOwnKeys
        }
        return worker.text(key, ["path": path, "file": own.path])
    }

    /// One format to `-o FILE`, or to standard output.
    private func writeOne(_ format: CopyFormat, to destination: Destination, copy: RecordCopy, envelopes: [Data], trusted: [KeyIdentity],
                          worker: Catalog, copyCatalog: Catalog) throws {
        let bytes = try data(format, copy: copy, envelopes: envelopes, trusted: trusted, worker: worker, copyCatalog: copyCatalog)
        guard case .file(_, let output) = destination else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            // A link named by -o (planted in /tmp, say, pointing at ~/.bashrc) is replaced, never followed.
            try PrivateFile.write(bytes, to: output, links: .replaced)
        } catch {
            throw Failure(worker.text(for: FileProblem(path: error.path, action: .writing, errno: error.code)))
        }
        ExportCommand.say(worker.text(.copyWritten, ["format": worker.text(format.nameText), "id": record, "path": output]))
    }

    /// The bytes of one format: the bundle from the signed envelopes, every other from the copy.
    /// A tool that is missing or fails is a ``Failure`` naming the format and the package.
    private func data(_ format: CopyFormat, copy: RecordCopy, envelopes: [Data], trusted: [KeyIdentity], worker: Catalog, copyCatalog: Catalog) throws -> Data {
        if format == .bundle {
            // Only the keys that signed go with the copy: no colleague's name travels with it.
            let signing = Set(envelopes.compactMap { try? Envelope(decoding: $0) }.flatMap { $0.signatures.map(\.keyID) })
            let keys = trusted.filter { signing.contains($0.keyID) }.compactMap { Data(base64Encoded: $0.publicKey) }
            return RecordBundle(record: record, envelopes: envelopes, publicKeys: keys).encoded
        }
        do {
            let made = try copy.made(format)
            switch made.fallback {
            case .brailleTable(let table)?:
                ExportCommand.say(worker.text(.copyBrailleFallback, ["table": table, "language": copyCatalog.name]))
            case .voice(let voice)?:
                ExportCommand.say(worker.text(.copyVoiceFallback, ["voice": voice, "language": copyCatalog.name]))
            case nil:
                break
            }
            return made.data
        } catch {
            switch error {
            case .missing(let tool, let package):
                throw Failure(worker.text(.copyToolMissing, ["format": worker.text(format.nameText), "tool": tool, "package": package]))
            case .failed(let tool, _, _), .tooSlow(let tool, _):
                throw Failure(worker.text(.copyToolFailed, ["format": worker.text(format.nameText), "tool": tool, "reason": error.description]))
            }
        }
    }

    /// `path` without the slashes it ends in (`copies//` is `copies`); `/` stays `/`.
    static func withoutTrailingSlashes(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The folder for the copies, readable only by its owner (0700): made so when it does not
    /// exist; when it does, used only if it is the worker's own, already private (no group or
    /// other bit) and writable, and never changed (`-o ~`, `-o /tmp` or a sticky shared folder keep
    /// their modes); never Blether's data directory or a folder inside it, never a file.
    private func makeFolder(_ named: String, worker: Catalog, home: URL) throws -> String {
        let path = ExportCommand.withoutTrailingSlashes(named)
        guard !PrivateFile.isInsideDataDirectory(path, dataDirectory: home) else {
            throw Failure(worker.text(.copyFolderInDataDirectory, ["path": path, "directory": home.path]))
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(worker.text(.copyFolderIsFile, ["path": path])) }
            // A folder others can enter could hold a link or have a copy swapped in it; it is
            // refused as it is, never changed: its mode is its owner's choice.
            var status = stat()
            guard stat(path, &status) == 0, status.st_uid == geteuid() || geteuid() == 0 else {
                throw Failure(worker.text(for: FileProblem(path: path, action: .writing, errno: EPERM)))
            }
            let mode = "0" + String(status.st_mode & 0o7777, radix: 8)
            guard status.st_mode & 0o077 == 0 else { throw Failure(worker.text(.copyFolderOpen, ["path": path, "mode": mode])) }
            guard access(path, W_OK | X_OK) == 0 else { throw Failure(worker.text(.copyFolderNotWritable, ["path": path, "mode": mode])) }
            return path
        }
        guard mkdir(path, 0o700) == 0, chmod(path, 0o700) == 0 else {
            throw Failure(worker.text(for: FileProblem(path: path, action: .writing, errno: errno)))
        }
        return path
    }

    /// One audit entry for the run, naming every format made, in the copy's language; for `--given`, said too.
    private func note(_ made: [CopyFormat], revision: (number: Int, id: String), store: ConversationStore, sealing: RecordSealing,
                      context: AppContext, language: String) {
        let worker = context.catalog
        context.noteIfPossible {
            try sealing.noteExport(record: record, revision: revision, formats: made.map(\.rawValue), language: language,
                                   given: given, actor: store.actor, at: Date())
        }
        guard given else { return }
        if made.count == 1 {
            ExportCommand.say(worker.text(.copyGiven, ["format": worker.text(made[0].nameText), "number": String(revision.number)]))
        } else {
            ExportCommand.say(worker.text(.copyGivenFormats, ["formats": made.map { worker.text($0.nameText) }.joined(separator: ", "),
                                                              "number": String(revision.number)]))
        }
    }

    /// A line for the worker, on standard error (standard output may be the copy itself).
    private static func say(_ line: String) {
        FileHandle.standardError.write(Data((BidiIsolation.safeText(line) + "\n").utf8))
    }
}
