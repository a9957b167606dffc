import BletherCore

extension AnswerValue {
    /// The answer as it is written into a record: money in pence, dates as ISO text.
    public var canonical: CanonicalValue {
        switch self {
        case .text(let text): return .object(["text": .string(text)])
        case .choice(let id, let other):
            var members: [String: CanonicalValue] = [:]
            if let id { members["choice"] = .string(id) }
            if let other { members["other"] = .string(other) }
            return .object(members)
        case .choices(let ids, let other):
            var members: [String: CanonicalValue] = ["choices": .array(ids.map(CanonicalValue.string))]
            if let other { members["other"] = .string(other) }
            return .object(members)
        case .number(let number): return .object(["number": .integer(number)])
        case .money(let money): return .object(["pence": .integer(money.pence)])
        case .date(let date): return .object(["date": .string(date.iso)])
        case .yesNo(let flag): return .object(["yes": .bool(flag)])
        case .people(let people):
            return .object(["people": .array(people.map {
                .object(["name": .string($0.name), "relationship": .string($0.relationship), "doesNow": .string($0.doesNow),
                         "willingAndAble": .string($0.willingAndAble)])
            })])
        case .outcomes(let outcomes):
            return .object(["outcomes": .array(outcomes.map {
                .object(["outcome": .string($0.outcome), "group": .string($0.group.rawValue), "milestones": .string($0.milestones),
                         "timescale": .string($0.timescale), "howWeWillKnow": .string($0.howWeWillKnow),
                         "mayNeedFundedSupport": .bool($0.mayNeedFundedSupport)])
            })])
        case .supportPlan(let lines):
            return .object(["plan": .array(lines.map {
                var members: [String: CanonicalValue] = ["support": .string($0.support), "quantity": .integer($0.quantity),
                                                         "frequency": .string($0.frequency.rawValue), "outcome": .string($0.outcome)]
                if let option = $0.underOption4 { members["underOption4"] = .string(option.rawValue) }
                return .object(members)
            })])
        }
    }
}
