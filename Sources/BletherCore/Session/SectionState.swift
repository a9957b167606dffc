/// Where a section stands, as shown in the section list and `:status`.
package enum SectionState: Sendable, Equatable {
    /// The gate is not met; `needing` lists the sections still to answer or mark.
    case locked(needing: [String])
    case notStarted
    /// Some answers given; `missingRequired` lists required questions still unanswered.
    case inProgress(missingRequired: [String])
    case answered
    case nothingHere

    /// Whether the section counts towards opening a gate.
    package var isComplete: Bool {
        self == .answered || self == .nothingHere
    }
}
