/// Where a conversation is: the question in front of the person, a locked section
/// reached in order, or the end.
package enum SessionCursor: Sendable, Hashable, Codable {
    case question(String)
    /// The next section that needs attention is locked; its gate lists what comes first.
    case lockedSection(String)
    /// Every section is answered or marked.
    case finished

    /// A compact text form for storage: `question:<id>`, `locked:<id>` or `finished`.
    package var storageText: String {
        switch self {
        case .question(let id): "question:\(id)"
        case .lockedSection(let id): "locked:\(id)"
        case .finished: "finished"
        }
    }

    /// Reads ``storageText``; `nil` for anything else.
    package init?(storageText: String) {
        if storageText == "finished" { self = .finished; return }
        if storageText.hasPrefix("question:") { self = .question(String(storageText.dropFirst(9))); return }
        if storageText.hasPrefix("locked:") { self = .lockedSection(String(storageText.dropFirst(7))); return }
        return nil
    }
}
