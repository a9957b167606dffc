import BletherCore
import BletherRecords
import BletherPlain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a passphrase: from the file named by `BLETHER_PASSPHRASE_FILE` (for scripts and
/// tests), else from the terminal without echo, else a line of standard input.
enum PassphrasePrompt {
    /// The passphrase; from a file, its first line without the line ending
    /// (``PassphraseFile/passphrase(in:)``), with a warning on standard error when others
    /// could read or change the file.
    static func read(prompt: String, environment: [String: String], catalog: Catalog) throws -> String {
        if let path = environment["BLETHER_PASSPHRASE_FILE"], !path.isEmpty {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Failure(catalog.text(.keysPassphraseFileUnreadable, ["path": path]))
            }
            if let permissions = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
               PassphraseFile.othersCanReach(permissions: permissions) {
                FileHandle.standardError.write(Data((catalog.text(.keysPassphraseFileOpen, ["path": path]) + "\n").utf8))
            }
            return PassphraseFile.passphrase(in: text)
        }
        return typed(prompt: prompt)
    }

    /// A new passphrase, asked twice at a terminal (once from a file): one that is too short,
    /// only white space, or has too few characters anyone can see is refused with the
    /// catalog's words and, at a terminal, asked for again, as is one not typed the same
    /// twice, up to ``AppContext/passphraseTries`` times in all.
    static func readNew(environment: [String: String], catalog: Catalog) throws -> String {
        let minimum = WorkerKeyFile.minimumPassphraseLength
        let fromFile = !(environment["BLETHER_PASSPHRASE_FILE"].map(\.isEmpty) ?? true)
        var tries = 1
        while true {
            let passphrase = try read(prompt: catalog.text(.keysChoosePassphrase, ["minimum": String(minimum)]), environment: environment, catalog: catalog)
            let reason: String
            if let refused = refusal(of: passphrase, catalog: catalog) {
                reason = refused
            } else if try fromFile || read(prompt: catalog.text(.keysPassphraseAgain), environment: environment, catalog: catalog) == passphrase {
                return passphrase
            } else {
                reason = catalog.text(.keysPassphrasesDiffer)
            }
            // A file would say the same again; at a terminal the worker types another.
            guard !fromFile, tries < AppContext.passphraseTries else { throw Failure(reason + " " + catalog.text(.keysNothingMade)) }
            FileHandle.standardError.write(Data((reason + " " + catalog.text(.keysTryAgain) + "\n").utf8))
            tries += 1
        }
    }

    /// Why `passphrase` cannot be a new key's passphrase, in the catalog's words; nil when it can.
    static func refusal(of passphrase: String, catalog: Catalog) -> String? {
        let minimum = String(WorkerKeyFile.minimumPassphraseLength)
        do {
            try WorkerKeyFile.checkNew(passphrase: passphrase)
            return nil
        } catch .passphraseOnlyWhiteSpace {
            return catalog.text(.keysPassphraseOnlySpace)
        } catch .passphraseTooFewVisible {
            return catalog.text(.keysPassphraseTooFewVisible, ["minimum": minimum])
        } catch {
            return catalog.text(.keysPassphraseTooShort, ["minimum": minimum])
        }
    }

    /// Reads what is typed now, never from a file, without echo on a terminal.
    static func typed(prompt: String) -> String {
        guard isatty(0) == 1 else {
            FileHandle.standardError.write(Data((prompt + " ").utf8))
            return readLine(strippingNewline: true) ?? ""
        }
        return HiddenTyping.read(prompt: prompt, on: .standardError) { readLine(strippingNewline: true) ?? "" }
    }
}
