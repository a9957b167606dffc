/// Whether a section marked *talked about — nothing here* must say, in a few words, what
/// was explored: a form asks for it (`nothing_here_note: required`) where a step of the
/// framework must really have been talked about, not satisfied in name only.
///
/// ```swift
/// if section.nothingHereNote == .required && note.isEmpty { … }   // the engine refuses the mark
/// ```
package enum NothingHereNote: String, Sendable, Equatable, CaseIterable {
    /// A few words may be given; marking without them is allowed.
    case optional
    /// Marking is refused until a few words say what was explored.
    case required
}
