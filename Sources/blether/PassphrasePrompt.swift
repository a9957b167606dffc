import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a passphrase: from the file named by `BLETHER_PASSPHRASE_FILE` (for scripts and
/// tests), else from the terminal without echo, else a line of standard input.
enum PassphrasePrompt {
    static func read(prompt: String, environment: [String: String]) throws -> String {
        if let path = environment["BLETHER_PASSPHRASE_FILE"], !path.isEmpty {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Failure("BLETHER_PASSPHRASE_FILE names \(path), which cannot be read.")
            }
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }
        return typed(prompt: prompt)
    }

    /// Reads what is typed now, never from a file: leaving a person's review must be the
    /// worker's own act at the keyboard.
    static func typed(prompt: String) -> String {
        FileHandle.standardError.write(Data((prompt + " ").utf8))
        guard isatty(0) == 1 else { return readLine(strippingNewline: true) ?? "" }
        var original = termios()
        tcgetattr(0, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        defer {
            tcsetattr(0, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
