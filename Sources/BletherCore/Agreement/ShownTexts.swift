/// What has been shown to the person while it still matches the answers, and which read-back
/// the person's agreement was given to. Part of a ``Session``; the store keeps it.
///
/// ```swift
/// session.shownTexts.notes[.summary]?.complete   // true once every page was read back
/// session.shownTexts.agreedTo?.sha256            // the read-back text agreed to
/// ```
package struct ShownTexts: Sendable, Equatable {
    /// The latest showing of each text; removed when an answer it depends on changes.
    package internal(set) var notes: [ShownText: ShownTextNote]
    /// The read-back the current agreement answer was given to.
    package internal(set) var agreedTo: ShownTextNote?

    package init(notes: [ShownText: ShownTextNote] = [:], agreedTo: ShownTextNote? = nil) {
        self.notes = notes
        self.agreedTo = agreedTo
    }

    /// Whether every page of this text was shown since the answers it depends on last changed.
    package func isGoneThrough(_ kind: ShownText) -> Bool {
        notes[kind]?.complete == true
    }
}
