/// One step of a conversation: an introduction for the person and its questions.
package struct Section: Sendable, Equatable, Identifiable {
    package let id: String
    /// Sections that must be answered or marked *talked about — nothing here* before this one opens.
    package let gate: [String]
    /// Whether the section may be marked *talked about — nothing here*.
    package let allowsNothingHere: Bool
    /// Whether marking it *nothing here* needs a few words on what was explored.
    package let nothingHereNote: NothingHereNote
    /// Who normally answers its questions (a question's own `asked_of` wins); `nil`: whoever is speaking.
    package let askedOf: Speaker?
    package let questions: [Question]

    package init(id: String, gate: [String] = [], allowsNothingHere: Bool = true, nothingHereNote: NothingHereNote = .optional,
                askedOf: Speaker? = nil, questions: [Question]) {
        self.id = id
        self.gate = gate
        self.allowsNothingHere = allowsNothingHere
        self.nothingHereNote = nothingHereNote
        self.askedOf = askedOf
        self.questions = questions
    }
}
