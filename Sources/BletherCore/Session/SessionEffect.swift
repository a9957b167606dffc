/// Work for the edge after a session changed: each is saved at once.
public enum SessionEffect: Sendable, Hashable {
    case saveAnswer(question: String)
    case deleteAnswer(question: String)
    case saveSectionMark(section: String)
    case deleteSectionMark(section: String)
    case saveCursor
    case saveSpeaker
}
