/// The supports still needed after natural, technology, community and money supports:
/// each line a kind of support from the rate card, how much, and how often.
public struct SupportPlan: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public enum Frequency: Sendable, Equatable {
            case perWeek
            /// Once in the period: equipment or a one-off purchase.
            case once
        }

        public let support: String
        public let quantity: Int
        public let frequency: Frequency
        /// The outcome this support is for, by its words.
        public let outcome: String
        /// Under Option 4, which option this part of the support is arranged as.
        public let underOption4: SDSOption?

        public init(support: String, quantity: Int, frequency: Frequency, outcome: String = "", underOption4: SDSOption? = nil) {
            self.support = support
            self.quantity = quantity
            self.frequency = frequency
            self.outcome = outcome
            self.underOption4 = underOption4
        }

        /// The option whose unit cost applies when the person chooses `option`.
        public func costedAs(_ option: SDSOption) -> SDSOption {
            option == .option4 ? (underOption4 ?? .option4) : option
        }
    }

    public let lines: [Line]

    public init(lines: [Line]) {
        self.lines = lines
    }
}
