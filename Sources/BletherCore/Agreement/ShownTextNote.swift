import Foundation

/// How a shown text was gone through with the person: its language, the SHA-256 of the exact
/// text, when it was first shown, how long it was open (whole seconds), and whether every page
/// of it was shown. Only a complete note lets "yes, it was read back (gone through)" be given.
///
/// ```swift
/// let note = ShownTextNote(language: "en-GB", sha256: ContentHash.sha256(text), firstShownAt: opened, seconds: 95, complete: true)
/// ```
package struct ShownTextNote: Sendable, Equatable {
    package let language: String
    package let sha256: String
    package let firstShownAt: Date
    /// How long it was open, over every showing of the same text, in whole seconds.
    package let seconds: Int
    /// Every page was shown, at least once.
    package let complete: Bool

    package init(language: String, sha256: String, firstShownAt: Date, seconds: Int, complete: Bool) {
        self.language = language
        self.sha256 = sha256
        self.firstShownAt = firstShownAt
        self.seconds = max(seconds, 0)
        self.complete = complete
    }

    /// This note with a later showing of the same text added: the first time stays, the
    /// seconds add up, and the text is complete once any showing was. A different text replaces it.
    package func adding(_ later: ShownTextNote) -> ShownTextNote {
        guard later.sha256 == sha256, later.language == language else { return later }
        return ShownTextNote(language: language, sha256: sha256, firstShownAt: min(firstShownAt, later.firstShownAt),
                             seconds: seconds + later.seconds, complete: complete || later.complete)
    }
}
