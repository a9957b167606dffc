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

    /// A new passphrase, asked twice at a terminal (once from a file): refused with the
    /// catalog's words when it is too short, only white space, or has too few characters anyone can see, before it is asked again.
    static func readNew(environment: [String: String], catalog: Catalog) throws -> String {
        let minimum = WorkerKeyFile.minimumPassphraseLength
        let passphrase = try read(prompt: catalog.text(.keysChoosePassphrase, ["minimum": String(minimum)]), environment: environment, catalog: catalog)
        do {
            try WorkerKeyFile.checkNew(passphrase: passphrase)
        } catch .passphraseOnlyWhiteSpace {
            throw Failure(catalog.text(.keysPassphraseOnlySpace))
        } catch .passphraseTooFewVisible {
            throw Failure(catalog.text(.keysPassphraseTooFewVisible, ["minimum": String(minimum)]))
        } catch {
            throw Failure(catalog.text(.keysPassphraseTooShort, ["minimum": String(minimum)]))
        }
        if environment["BLETHER_PASSPHRASE_FILE"].map(\.isEmpty) ?? true {
            let again = try read(prompt: catalog.text(.keysPassphraseAgain), environment: environment, catalog: catalog)
            guard again == passphrase else { throw Failure(catalog.text(.keysPassphrasesDiffer)) }
        }
        return passphrase
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
