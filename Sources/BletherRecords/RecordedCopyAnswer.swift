import BletherCore

/// What a signed record says about a copy for the person: that they want one (and how, see
/// ``RecordedCopyWish``), that they said they do not, or nothing — the form asks no such
/// question, or it was not answered. "No copy" is an answer, not a gap: a copy is never noted
/// as given to someone who said no, unless the worker says they changed their mind.
///
/// ```swift
/// switch RecordedCopyAnswer(content.session) {
/// case .wanted(let wish): wish.formats          // [.largePrint, .pdf]
/// case .declined: …                            // "The person said they did not want a copy"
/// case .notRecorded: …                         // "The record does not say …"
/// }
/// ```
package enum RecordedCopyAnswer: Sendable, Equatable {
    /// The person asked for a copy, in these formats and this language (either may be unsaid).
    case wanted(RecordedCopyWish)
    /// The person answered that they do not want a copy.
    case declined
    /// The record does not say: its form has no `copy-wanted` question, or it was left unanswered.
    case notRecorded

    package init(_ session: Session) {
        if let wish = RecordedCopyWish(session) {
            self = .wanted(wish)
            return
        }
        let answer = session.form.roles[.copyWanted].flatMap { session.answers[$0]?.value }
        if case .yesNo(false)? = answer { self = .declined } else { self = .notRecorded }
    }

    /// The wish, when the person asked for a copy.
    package var wish: RecordedCopyWish? {
        if case .wanted(let wish) = self { wish } else { nil }
    }
}
