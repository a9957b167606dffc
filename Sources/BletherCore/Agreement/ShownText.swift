/// A text shown to the person before they are asked about it: the read-back summary, or how
/// the budget was worked out. Each has a yes/no question that says it was gone through.
package enum ShownText: String, Sendable, Hashable, CaseIterable {
    case summary
    case costing
}
