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
            copy.html, audio audio.wav (espeak-ng), braille braille.brf (liblouis). With --format, that one copy goes to -o FILE \
            or standard output. With --given, the audit log notes the copy given to the person (copy-given, with its formats and \
            revision) instead of a worker's export.
            """)

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String
    @Option(help: "Make one copy: text, html, large-print, pdf, easy-read, braille, audio or bundle (for blether verify FILE). Without it, every format the person asked for, into the folder -o names.")
    var format: CopyFormat?
    @Option(name: .shortAndLong, help: "With --format, the file to write (default: standard output); without it, the folder to make the copies in. Readable only by you.")
    var output: String?
    @Flag(help: "This is the copy given to the person: note it in the audit log as given, with its formats and revision.") var given = false

    func run() throws {
        var context = try AppContext.load(options)
        let store = try context.openStore()
        do {
            let summary = try store.summary(id: record)
            let sealing = RecordSealing(store: store)
            let envelopes = try sealing.envelopes(record: record)
            guard let latest = envelopes.last else { throw Failure(context.catalog.text(.copyNotSigned, ["id": record])) }
            let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: context.environment)).trustedIdentities()
            let verified = RevisionVerifier(trusted: trusted).verify(record: record, envelopes: envelopes)
            if let failure = verified.failure { throw Failure("FAILED \(failure)") }
            let copied = try Envelope(decoding: latest)
            guard let form = try context.library.form(id: summary.formID, version: summary.formVersion) else {
                throw Failure(context.catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
            }
            // The latest revision, with the revisions before it as its history.
            let history = try sealing.history(record: record, form: form, trusted: trusted)
            guard let revision = history.last else { throw Failure(context.catalog.text(.copyNotSigned, ["id": record])) }
            let wish = RecordedCopyWish(revision.content.session)
            var notes: [String] = []
            if options.lang == nil {
                // The language the record asks the copy in, else the conversation's own.
                let languages = FormLibrary.languages(in: context.location).sorted()
                let language = wish?.language(among: languages) ?? summary.language
                if let own = try context.catalog(language: language) { context = context.speaking(language, catalog: own) }
                if let answer = wish?.languageAnswer {
                    notes.append(wish?.language(among: languages) == nil
                        ? context.catalog.text(.copyLanguageUnknown, ["answer": answer, "languages": languages.joined(separator: ", "), "language": context.catalog.name])
                        : context.catalog.text(.copyLanguageRecorded, ["language": context.catalog.name]))
                }
            }
            let copy = RecordCopy(revision: revision, earlier: history.dropLast(), words: ConversationWording(catalog: context.catalog, form: form))
            let made: [CopyFormat]
            if let format {
                notes.forEach(ExportCommand.say)
                try writeOne(format, copy: copy, envelopes: envelopes, trusted: trusted, context: context)
                made = [format]
            } else {
                guard let output else { throw UsageFailure(context.catalog.text(.copyFolderNeeded)) }
                var formats = wish?.formats ?? []
                if formats.isEmpty {
                    notes.append(context.catalog.text(.copyNoneWanted))
                    formats = CopyFormat.wanted(byRecordedChoice: "printed")
                }
                notes.forEach(ExportCommand.say)
                let folder = try makeFolder(output, context: context)
                var problems: [String] = []
                let home = DataDirectory.resolve(environment: context.environment)
                made = formats.filter { format in
                    let path = folder + "/" + format.fileName
                    do {
                        // A link left in the folder under a copy's name never leads the copy over Blether's own files.
                        guard !PrivateFile.isBletherOwn(path, dataDirectory: home) else {
                            throw Failure(context.catalog.text(.copyIntoDataDirectory, ["path": path, "directory": home.path]))
                        }
                        // Any other link left under a copy's name is replaced by the copy, never followed
                        // to overwrite whatever it leads to.
                        var entry = stat()
                        if lstat(path, &entry) == 0, entry.st_mode & S_IFMT == S_IFLNK, unlink(path) != 0 {
                            throw Failure(context.catalog.text(for: FileProblem(path: path, action: .writing, errno: errno)))
                        }
                        try PrivateFile.write(try data(format, copy: copy, envelopes: envelopes, trusted: trusted, context: context), to: path)
                        ExportCommand.say(context.catalog.text(.copyWritten, ["format": format.rawValue, "id": record, "path": path]))
                        return true
                    } catch let failure as Failure {
                        problems.append(failure.description)
                    } catch let problem as PrivateFile.Problem {
                        problems.append(context.catalog.text(for: FileProblem(path: problem.path, action: .writing, errno: problem.code)))
                    } catch {
                        problems.append("\(error)")
                    }
                    return false
                }
                if !made.isEmpty { note(made, revision: (envelopes.count, copied.revisionID), store: store, sealing: sealing, context: context) }
                // What could not be made is said last, and the exit status says something is still to do.
                if !problems.isEmpty { throw Failure(problems.joined(separator: "\n")) }
                return
            }
            note(made, revision: (envelopes.count, copied.revisionID), store: store, sealing: sealing, context: context)
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }

    /// One format to `-o FILE`, or to standard output.
    private func writeOne(_ format: CopyFormat, copy: RecordCopy, envelopes: [Data], trusted: [KeyIdentity], context: AppContext) throws {
        let bytes = try data(format, copy: copy, envelopes: envelopes, trusted: trusted, context: context)
        guard let output else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        let home = DataDirectory.resolve(environment: context.environment)
        guard !PrivateFile.isBletherOwn(output, dataDirectory: home) else {
            throw Failure(context.catalog.text(.copyIntoDataDirectory, ["path": output, "directory": home.path]))
        }
        do {
            try PrivateFile.write(bytes, to: output)
        } catch {
            throw Failure(context.catalog.text(for: FileProblem(path: error.path, action: .writing, errno: error.code)))
        }
        ExportCommand.say(context.catalog.text(.copyWritten, ["format": format.rawValue, "id": record, "path": output]))
    }

    /// The bytes of one format: the bundle from the signed envelopes, every other from the copy.
    /// A tool that is missing or fails is a ``Failure`` naming the format and the package.
    private func data(_ format: CopyFormat, copy: RecordCopy, envelopes: [Data], trusted: [KeyIdentity], context: AppContext) throws -> Data {
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
                ExportCommand.say(context.catalog.text(.copyBrailleFallback, ["table": table, "language": context.catalog.name]))
            case .voice(let voice)?:
                ExportCommand.say(context.catalog.text(.copyVoiceFallback, ["voice": voice, "language": context.catalog.name]))
            case nil:
                break
            }
            return made.data
        } catch {
            switch error {
            case .missing(let tool, let package):
                throw Failure(context.catalog.text(.copyToolMissing, ["format": format.rawValue, "tool": tool, "package": package]))
            case .failed(let tool, _, _), .tooSlow(let tool, _):
                throw Failure(context.catalog.text(.copyToolFailed, ["format": format.rawValue, "tool": tool, "reason": error.description]))
            }
        }
    }

    /// The folder for the copies, readable only by its owner (0700): made so when it does not
    /// exist, and made so before anything is written in it when it does (then it must be the
    /// worker's own); never Blether's data directory or a folder inside it, never a file.
    private func makeFolder(_ named: String, context: AppContext) throws -> String {
        var path = named
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let home = DataDirectory.resolve(environment: context.environment)
        guard !PrivateFile.isInsideDataDirectory(path, dataDirectory: home) else {
            throw Failure(context.catalog.text(.copyFolderInDataDirectory, ["path": path, "directory": home.path]))
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure(context.catalog.text(.copyFolderIsFile, ["path": path])) }
            // A shared folder is closed to others first, so nobody can leave a link or swap a copy in it.
            var status = stat()
            guard stat(path, &status) == 0, status.st_uid == geteuid() || geteuid() == 0 else {
                throw Failure(context.catalog.text(for: FileProblem(path: path, action: .writing, errno: EPERM)))
            }
            guard chmod(path, 0o700) == 0 else {
                throw Failure(context.catalog.text(for: FileProblem(path: path, action: .writing, errno: errno)))
            }
            return path
        }
        guard mkdir(path, 0o700) == 0, chmod(path, 0o700) == 0 else {
            throw Failure(context.catalog.text(for: FileProblem(path: path, action: .writing, errno: errno)))
        }
        return path
    }

    /// One audit entry for the run, naming every format made; for `--given`, said too.
    private func note(_ made: [CopyFormat], revision: (number: Int, id: String), store: ConversationStore, sealing: RecordSealing, context: AppContext) {
        context.noteIfPossible {
            try sealing.noteExport(record: record, revision: revision, formats: made.map(\.rawValue), language: context.language,
                                   given: given, actor: store.actor, at: Date())
        }
        guard given else { return }
        if made.count == 1 {
            ExportCommand.say(context.catalog.text(.copyGiven, ["format": made[0].rawValue, "number": String(revision.number)]))
        } else {
            ExportCommand.say(context.catalog.text(.copyGivenFormats, ["formats": made.map(\.rawValue).joined(separator: ", "), "number": String(revision.number)]))
        }
    }

    /// A line for the worker, on standard error (standard output may be the copy itself).
    private static func say(_ line: String) {
        FileHandle.standardError.write(Data((BidiIsolation.safeText(line) + "\n").utf8))
    }
}
