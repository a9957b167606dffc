import Foundation

/// The words a person typed in their review, as they are kept: every line except one that is
/// the worker's passphrase. A worker who thinks the person's box is the passphrase's (in plain
/// mode, a comment not yet ended) types the passphrase there; that line is never saved, so it is
/// never shown to anyone again nor carried into a signed revision. Both faces keep words
/// through this, and say so when a line was left out.
///
/// ```swift
/// let words = ReviewWords(typed: box.text) { opened.isOpened(by: $0) }
/// if !words.kept.isEmpty { save(words.kept) }
/// if words.withheldPassphrase { say(.reviewPassphraseNotKept) }
/// ```
package struct ReviewWords: Sendable, Equatable {
    /// The words to save: the lines typed, less any that is the worker's passphrase, with
    /// white space trimmed at both ends; empty when nothing is left to save.
    package let kept: String
    /// Whether a line was left out because it was the worker's passphrase.
    package let withheldPassphrase: Bool

    /// - Parameter isWorkersPassphrase: whether a line is the worker's passphrase. It is asked
    ///   of each line as typed and of the line without the spaces around it, and must be quick
    ///   and note nothing (compare with the key this process opened, not the key file).
    package init(typed: String, isWorkersPassphrase: (String) -> Bool) {
        var withheld = false
        let lines = typed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { line in
            let bare = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !bare.isEmpty, isWorkersPassphrase(line) || isWorkersPassphrase(bare) else { return true }
            withheld = true
            return false
        }
        kept = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        withheldPassphrase = withheld
    }
}
