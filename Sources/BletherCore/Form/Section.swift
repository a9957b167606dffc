/// One step of a conversation: an introduction for the person and its questions.
public struct Section: Sendable, Equatable, Identifiable {
    public let id: String
    /// Sections that must be answered or marked *talked about — nothing here* before this one opens.
    public let gate: [String]
    /// Whether the section may be marked *talked about — nothing here*.
    public let allowsNothingHere: Bool
    public let questions: [Question]

    public init(id: String, gate: [String] = [], allowsNothingHere: Bool = true, questions: [Question]) {
        self.id = id
        self.gate = gate
        self.allowsNothingHere = allowsNothingHere
        self.questions = questions
    }
}
