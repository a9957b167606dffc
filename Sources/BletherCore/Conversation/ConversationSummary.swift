import BletherCore
import Foundation

/// One conversation as listed: who, which form, where it stands, when it last changed.
public struct ConversationSummary: Sendable, Equatable {
    /// Short id a worker can type, e.g. `k7m2qx9a`.
    public let id: String
    public let formID: String
    public let formVersion: Int
    /// The supported person's name.
    public let person: String
    /// The language the conversation is held in.
    public let language: String
    /// Where it stands: `draft` until the record is signed (see ``ConversationState``).
    public let state: ConversationState
    public let createdAt: Date
    public let updatedAt: Date

    public init(id: String, formID: String, formVersion: Int, person: String, language: String, state: ConversationState, createdAt: Date, updatedAt: Date) {
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
