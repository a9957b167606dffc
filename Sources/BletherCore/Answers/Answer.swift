import Foundation

/// An answer with who gave it and when: the unit that is saved at once and, later, signed.
package struct Answer: Sendable, Hashable {
    package var value: AnswerValue
    package var speaker: Speaker
    package var at: Date

    package init(value: AnswerValue, speaker: Speaker, at: Date) {
        self.value = value
        self.speaker = speaker
        self.at = at
    }
}

/// Who marked a section *talked about — nothing here*, when, and the few words they gave on
/// what was explored (empty when the section does not ask for them and none were given).
package struct SectionMark: Sendable, Hashable {
    package var speaker: Speaker
    package var at: Date
    package var note: String

    package init(speaker: Speaker, at: Date, note: String = "") {
        self.speaker = speaker
        self.at = at
        self.note = note
    }
}
