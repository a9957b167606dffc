import Foundation

/// Words a person added while reviewing their record.
package struct ReviewComment: Sendable, Equatable {
    package let text: String
    package let speaker: Speaker
    package let at: Date

    package init(text: String, speaker: Speaker, at: Date) {
        self.text = text
        self.speaker = speaker
        self.at = at
    }
}
