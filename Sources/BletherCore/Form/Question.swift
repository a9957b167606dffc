/// One question of a ``Section``.
package struct Question: Sendable, Equatable, Identifiable {
    /// Unique within its form; conditions refer to questions by this id.
    package let id: String
    package let kind: QuestionKind
    /// A required question must be answered before its section counts as answered.
    package let required: Bool
    /// Shown only when this holds; unanswered questions it names count as not matching.
    package let relevant: Condition?
    /// Must hold for an answer to be accepted; `.` stands for the answer being given.
    package let constraint: Condition?
    /// Who normally answers it: the speaker switches to them while it is being answered.
    package let askedOf: Speaker?
    /// Answers (choice ids) that need a named witness and a countersignature (`witnessed_when:`).
    package let witnessedWhen: [String]

    package init(
        id: String, kind: QuestionKind, required: Bool = false,
        relevant: Condition? = nil, constraint: Condition? = nil, askedOf: Speaker? = nil, witnessedWhen: [String] = []
    ) {
        self.askedOf = askedOf
        self.witnessedWhen = witnessedWhen
        self.id = id
        self.kind = kind
        self.required = required
        self.relevant = relevant
        self.constraint = constraint
    }
}
