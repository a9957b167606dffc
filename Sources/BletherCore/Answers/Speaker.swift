/// Who gave an answer: the record says whose words each answer is.
package enum Speaker: String, Sendable, Codable, CaseIterable {
    /// The supported person, in their own words.
    case person
    /// An unpaid carer: family, a friend or a neighbour.
    case carer
    /// An independent advocate.
    case advocate
    /// The worker, summarising what was said.
    case worker
}
