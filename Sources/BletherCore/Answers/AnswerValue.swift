/// The content of one answer, shaped by the question's ``QuestionKind``.
/// Records and drafts hold it as JSON written and read by one codec, `AnswerValue+Canonical.swift`
/// in BletherRecords, whose golden bytes per kind are in Tests/BletherRecordsTests/Golden.
package enum AnswerValue: Sendable, Hashable {
    case text(String)
    /// A choice id, or `nil` with `other` set when the person chose "something else".
    case choice(String?, other: String?)
    case choices([String], other: String?)
    case number(Int)
    case money(Money)
    case date(CalendarDate)
    case yesNo(Bool)
    case people([PersonEntry])
    case outcomes([OutcomeEntry])
    case supportPlan([SupportPlan.Line])

    /// Whether this value says anything: blank text and empty lists do not.
    package var isEmpty: Bool {
        switch self {
        case .text(let text): text.trimmingWhitespace().isEmpty
        case .choice(let id, let other): id == nil && (other ?? "").trimmingWhitespace().isEmpty
        case .choices(let ids, let other): ids.isEmpty && (other ?? "").trimmingWhitespace().isEmpty
        case .people(let people): people.isEmpty
        case .outcomes(let outcomes): outcomes.isEmpty
        case .supportPlan(let lines): lines.isEmpty
        case .number, .money, .date, .yesNo: false
        }
    }

    /// Whether this value fits a question of `kind` (right case, known choice ids): see ``QuestionKind/fits(_:)``.
    package func fits(_ kind: QuestionKind) -> Bool {
        kind.fits(self)
    }
}
