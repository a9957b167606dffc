/// A council's rules for working out an indicative budget, as data (`forms/costing/*.yaml`):
/// a points-and-bands allocation, a rate card, or both; what is charged for; and who may
/// decide up to which amount.
///
/// ```swift
/// let rules = CostingRules(id: "example", version: 1, council: "Example Council", period: period,
///                          rates: [.init(id: "personal-assistant-hour", unit: .hour, costs: [.option1: Money(pence: 17_50)])])
/// ```
package struct CostingRules: Sendable, Equatable {
    package let id: String
    package let version: Int
    package let council: String
    package let period: CostingPeriod
    package let points: [PointsRule]
    package let bands: [Band]
    package let rates: [SupportRate]
    package let contribution: ContributionRule
    /// The most each role may decide alone: the relevant amount for the rules' period.
    package let limits: [DecisionRole: Money]
    /// How to ask for a decision to be looked at again, and how to appeal or complain.
    package let challenge: CouncilText
    /// What a budget may be spent on, and what it may not.
    package let maySpendOn: CouncilText
    package let mayNotSpendOn: CouncilText
    /// How a person reaches the council, and how long they have to challenge a decision, where the rules say.
    package let contact: CouncilContact
    /// The SHA-256 of the rules file's bytes as installed here, where it was read from a file
    /// (a record signs the same hash, so a copy can tell the installed file is the very one costed with).
    package var fileSHA256: String?

    package init(id: String, version: Int, council: String, period: CostingPeriod, points: [PointsRule] = [], bands: [Band] = [],
                rates: [SupportRate] = [], contribution: ContributionRule = ContributionRule(), limits: [DecisionRole: Money] = [:],
                challenge: CouncilText = CouncilText([:]), maySpendOn: CouncilText = CouncilText([:]), mayNotSpendOn: CouncilText = CouncilText([:]),
                contact: CouncilContact = CouncilContact()) {
        self.contact = contact
        self.challenge = challenge
        self.maySpendOn = maySpendOn
        self.mayNotSpendOn = mayNotSpendOn
        self.id = id
        self.version = version
        self.council = council
        self.period = period
        self.points = points
        self.bands = bands
        self.rates = rates
        self.contribution = contribution
        self.limits = limits
    }

    package func rate(id: String) -> SupportRate? { rates.first { $0.id == id } }
}

/// The dates a set of rules applies to, both included.
package struct CostingPeriod: Sendable, Equatable {
    package let from: CalendarDate
    package let to: CalendarDate

    package init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// Days in the year that starts on the period's first day: 366 when it spans 29 February.
    package var yearLength: Int {
        let next = (try? CalendarDate(year: from.year + 1, month: from.month, day: from.day))
            ?? (try? CalendarDate(year: from.year + 1, month: 3, day: 1))
        return next.map { CostingPeriod.dayNumber($0) - CostingPeriod.dayNumber(from) } ?? 365
    }

    /// Days in the period, counting both ends.
    package var days: Int {
        CostingPeriod.dayNumber(to) - CostingPeriod.dayNumber(from) + 1
    }

    /// Days since a fixed epoch (proleptic Gregorian), for counting without a calendar library.
    static func dayNumber(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let m = date.month <= 2 ? date.month + 12 : date.month
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + date.day
    }
}

/// The four ways support can be arranged under the Social Care (Self-directed Support) (Scotland) Act 2013.
package enum SDSOption: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case option1 = "option-1", option2 = "option-2", option3 = "option-3", option4 = "option-4"

    /// 1 to 4, as people say it.
    package var number: Int { SDSOption.allCases.firstIndex(of: self)! + 1 }

    package static func < (lhs: SDSOption, rhs: SDSOption) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who decides: the worker within their limit, else a team leader, else a service manager.
package enum DecisionRole: String, Sendable, Hashable, CaseIterable {
    case worker, teamLeader = "team-leader", serviceManager = "service-manager"
}

/// Points for an answer: a fixed number when a condition holds, or so many per unit of a number answer.
package struct PointsRule: Sendable, Equatable {
    package let question: String
    /// When set, the points are given only if this holds.
    package let when: Condition?
    package let points: Int
    /// When true, `points` are given for each unit of the (whole number) answer.
    package let perUnit: Bool

    package init(question: String, when: Condition? = nil, points: Int, perUnit: Bool = false) {
        self.question = question
        self.when = when
        self.points = points
        self.perUnit = perUnit
    }
}

/// Total points from `from` to `to` (both included; `to` nil for the top band) give a yearly amount.
package struct Band: Sendable, Equatable {
    package let from: Int
    package let to: Int?
    package let yearly: Money

    package init(from: Int, to: Int?, yearly: Money) {
        self.from = from
        self.to = to
        self.yearly = yearly
    }

    package func contains(_ points: Int) -> Bool { points >= from && (to.map { points <= $0 } ?? true) }
}

/// A kind of support and its unit cost under each option where it is offered.
package struct SupportRate: Sendable, Equatable {
    package enum Unit: String, Sendable, Equatable { case hour, day, night, week, item }

    package let id: String
    /// What the person and the worker call it, e.g. "Personal assistant".
    package let name: CouncilText
    package let unit: Unit
    package let costs: [SDSOption: Money]
    /// Personal care is not charged for in Scotland.
    package let isPersonalCare: Bool

    package init(id: String, name: CouncilText = CouncilText([:]), unit: Unit, costs: [SDSOption: Money], isPersonalCare: Bool = false) {
        self.id = id
        self.name = name
        self.unit = unit
        self.costs = costs
        self.isPersonalCare = isPersonalCare
    }
}

/// What the person may be asked to pay: a percentage of the cost of chargeable support.
package struct ContributionRule: Sendable, Equatable {
    /// Percent of chargeable yearly cost, in whole percent.
    package let percent: Int

    package init(percent: Int = 0) {
        self.percent = percent
    }
}
