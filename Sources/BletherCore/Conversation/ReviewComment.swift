import Foundation

/// Words a person added while reviewing their record.
public struct ReviewComment: Sendable, Equatable {
    public let text: String
    public let speaker: Speaker
    public let at: Date

    public init(text: String, speaker: Speaker, at: Date) {
        self.text = text
        self.speaker = speaker
        self.at = at
    }
}
