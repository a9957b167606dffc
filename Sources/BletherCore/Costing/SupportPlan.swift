/// The supports still needed after natural, technology, community and money supports:
/// each line a kind of support from the rate card, how much, and how often.
///
/// ```swift
/// let plan = SupportPlan(lines: [.init(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Get to choir")])
/// ```
package struct SupportPlan: Sendable, Equatable {
    package struct Line: Sendable, Hashable {
        package enum Frequency: String, Sendable, Hashable, Codable, CaseIterable {
            case perWeek = "per-week"
            /// Once in the period: equipment or a one-off purchase.
            case once
        }

        /// The most of one support a line may hold: more is a typing slip, not a plan.
        package static let maximumQuantity = 10_000

        /// A support type of the rate card, by id; in words when the rules have no rate card.
        package var support: String
        package var quantity: Int
        package var frequency: Frequency
        /// The outcome this support is for, by its words.
        package var outcome: String
        /// Under Option 4, which option this part of the support is arranged as.
        package var underOption4: SDSOption?

        package init(support: String, quantity: Int, frequency: Frequency, outcome: String = "", underOption4: SDSOption? = nil) {
            self.support = support
            self.quantity = quantity
            self.frequency = frequency
            self.outcome = outcome
            self.underOption4 = underOption4
        }

        /// The option whose unit cost applies when the person chooses `option`.
        package func costedAs(_ option: SDSOption) -> SDSOption {
            option == .option4 ? (underOption4 ?? .option4) : option
        }
    }

    package let lines: [Line]

    package init(lines: [Line]) {
        self.lines = lines
    }
}
