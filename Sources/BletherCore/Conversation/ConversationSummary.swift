import Foundation

/// One conversation as listed: who, which form, where it stands, when it last changed.
package struct ConversationSummary: Sendable, Equatable {
    /// Short id a worker can type, e.g. `k7m2qx9a`.
    package let id: String
    package let formID: String
    package let formVersion: Int
    /// The supported person's name.
    package let person: String
    /// The language the conversation is held in.
    package let language: String
    /// Where it stands: `draft` until the record is signed (see ``ConversationState``).
    package let state: ConversationState
    package let createdAt: Date
    package let updatedAt: Date

    package init(id: String, formID: String, formVersion: Int, person: String, language: String, state: ConversationState, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.formID = formID
        self.formVersion = formVersion
        self.person = person
        self.language = language
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
