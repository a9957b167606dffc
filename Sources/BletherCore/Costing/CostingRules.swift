/// A council's rules for working out an indicative budget, as data (`forms/costing/*.yaml`):
/// a points-and-bands allocation, a rate card, or both; what is charged for; and who may
/// decide up to which amount.
///
/// ```swift
/// let rules = CostingRules(id: "example", version: 1, council: "Example Council", period: period,
///                          rates: [.init(id: "personal-assistant-hour", unit: .hour, costs: [.option1: Money(pence: 17_50)])])
/// ```
public struct CostingRules: Sendable, Equatable {
    public let id: String
    public let version: Int
    public let council: String
    public let period: CostingPeriod
    public let points: [PointsRule]
    public let bands: [Band]
    public let rates: [SupportRate]
    public let contribution: ContributionRule
    /// The most each role may decide alone: the relevant amount for the rules' period.
    public let limits: [DecisionRole: Money]
    /// How to ask for a decision to be looked at again, and how to appeal or complain.
    public let challenge: CouncilText
    /// What a budget may be spent on, and what it may not.
    public let maySpendOn: CouncilText
    public let mayNotSpendOn: CouncilText

    public init(id: String, version: Int, council: String, period: CostingPeriod, points: [PointsRule] = [], bands: [Band] = [],
                rates: [SupportRate] = [], contribution: ContributionRule = ContributionRule(), limits: [DecisionRole: Money] = [:],
                challenge: CouncilText = CouncilText([:]), maySpendOn: CouncilText = CouncilText([:]), mayNotSpendOn: CouncilText = CouncilText([:])) {
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

    public func rate(id: String) -> SupportRate? { rates.first { $0.id == id } }
}

/// The dates a set of rules applies to, both included.
public struct CostingPeriod: Sendable, Equatable {
    public let from: CalendarDate
    public let to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// Days in the year that starts on the period's first day: 366 when it spans 29 February.
    public var yearLength: Int {
        let next = (try? CalendarDate(year: from.year + 1, month: from.month, day: from.day))
            ?? (try? CalendarDate(year: from.year + 1, month: 3, day: 1))
        return next.map { CostingPeriod.dayNumber($0) - CostingPeriod.dayNumber(from) } ?? 365
    }

    /// Days in the period, counting both ends.
    public var days: Int {
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
public enum SDSOption: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case option1 = "option-1", option2 = "option-2", option3 = "option-3", option4 = "option-4"

    /// 1 to 4, as people say it.
    public var number: Int { SDSOption.allCases.firstIndex(of: self)! + 1 }

    public static func < (lhs: SDSOption, rhs: SDSOption) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who decides: the worker within their limit, else a team leader, else a service manager.
public enum DecisionRole: String, Sendable, Hashable, CaseIterable {
    case worker, teamLeader = "team-leader", serviceManager = "service-manager"
}

/// Points for an answer: a fixed number when a condition holds, or so many per unit of a number answer.
public struct PointsRule: Sendable, Equatable {
    public let question: String
    /// When set, the points are given only if this holds.
    public let when: Condition?
    public let points: Int
    /// When true, `points` are given for each unit of the (whole number) answer.
    public let perUnit: Bool

    public init(question: String, when: Condition? = nil, points: Int, perUnit: Bool = false) {
        self.question = question
        self.when = when
        self.points = points
        self.perUnit = perUnit
    }
}

/// Total points from `from` to `to` (both included; `to` nil for the top band) give a yearly amount.
public struct Band: Sendable, Equatable {
    public let from: Int
    public let to: Int?
    public let yearly: Money

    public init(from: Int, to: Int?, yearly: Money) {
        self.from = from
        self.to = to
        self.yearly = yearly
    }

    public func contains(_ points: Int) -> Bool { points >= from && (to.map { points <= $0 } ?? true) }
}

/// A kind of support and its unit cost under each option where it is offered.
public struct SupportRate: Sendable, Equatable {
    public enum Unit: String, Sendable, Equatable { case hour, day, night, week, item }

    public let id: String
    /// What the person and the worker call it, e.g. "Personal assistant".
    public let name: CouncilText
    public let unit: Unit
    public let costs: [SDSOption: Money]
    /// Personal care is not charged for in Scotland.
    public let isPersonalCare: Bool

    public init(id: String, name: CouncilText = CouncilText([:]), unit: Unit, costs: [SDSOption: Money], isPersonalCare: Bool = false) {
        self.id = id
        self.name = name
        self.unit = unit
        self.costs = costs
        self.isPersonalCare = isPersonalCare
    }
}

/// What the person may be asked to pay: a percentage of the cost of chargeable support.
public struct ContributionRule: Sendable, Equatable {
    /// Percent of chargeable yearly cost, in whole percent.
    public let percent: Int

    public init(percent: Int = 0) {
        self.percent = percent
    }
}
