import Foundation

/// An answer with who gave it and when: the unit that is saved at once and, later, signed.
public struct Answer: Sendable, Hashable {
    public var value: AnswerValue
    public var speaker: Speaker
    public var at: Date

    public init(value: AnswerValue, speaker: Speaker, at: Date) {
        self.value = value
        self.speaker = speaker
        self.at = at
    }
}

/// Who marked a section *talked about — nothing here*, when, and the few words they gave on
/// what was explored (empty when the section does not ask for them and none were given).
public struct SectionMark: Sendable, Hashable {
    public var speaker: Speaker
    public var at: Date
    public var note: String

    public init(speaker: Speaker, at: Date, note: String = "") {
        self.speaker = speaker
        self.at = at
        self.note = note
    }
}
