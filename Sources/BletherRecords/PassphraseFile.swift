import Foundation

/// How a passphrase is read from a file (`BLETHER_PASSPHRASE_FILE`, `--passphrase-file`):
/// the first line, without its line ending — `\n`, `\r\n` or a lone `\r` — so a file saved
/// on Windows holds the same passphrase as one saved here, or as the words typed.
///
/// ```swift
/// let passphrase = PassphraseFile.passphrase(in: try String(contentsOfFile: path, encoding: .utf8))
/// if PassphraseFile.othersCanReach(permissions: 0o644) { warn() }
/// ```
package enum PassphraseFile {
    /// The passphrase a file's text holds: everything before its first line ending.
    package static func passphrase(in text: String) -> String {
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" { break }
            line.append(scalar)
        }
        return String(line)
    }

    /// Whether a file with these permission bits can be read or written by anyone but its owner.
    package static func othersCanReach(permissions: Int) -> Bool {
        permissions & 0o077 != 0
    }
}
