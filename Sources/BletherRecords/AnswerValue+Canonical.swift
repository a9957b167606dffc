import BletherCore

/// The one codec for answers, as they are signed into a record and saved in a draft: a small
/// object whose member names say the kind of answer — `{"text":"…"}`, `{"choice":"yes-now"}`
/// (with `"other"` for the person's own words), `{"choices":["phone"],"other":"…"}`,
/// `{"number":3}`, `{"pence":1250}`, `{"date":"2027-02-28"}`, `{"yes":true}`,
/// `{"people":[…]}`, `{"outcomes":[…]}`, `{"plan":[…]}`. Writing and reading sit side by side
/// below and name each member through ``AnswerKey``, so they cannot drift apart.
///
/// ```swift
/// let bytes = AnswerValue.money(Money(pence: 1250)).canonical.encoded      // {"pence":1250}
/// let back = try AnswerValue(canonical: CanonicalValue(decoding: bytes))   // .money(£12.50)
/// ```
package enum AnswerKey: String, CanonicalKey, CaseIterable {
    case text, choice, choices, other, number, pence, date, yes, people, outcomes, plan

    /// One person of a `people` list.
    package enum Person: String, CanonicalKey, CaseIterable { case name, relationship, doesNow, willingAndAble }
    /// One outcome of an `outcomes` list.
    package enum Outcome: String, CanonicalKey, CaseIterable { case outcome, group, milestones, timescale, howWeWillKnow, mayNeedFundedSupport }
    /// One line of a support `plan`.
    package enum PlanLine: String, CanonicalKey, CaseIterable { case support, quantity, frequency, outcome, underOption4 }
}

/// Why an answer's JSON is not one Blether writes: names the member that is wrong.
package struct AnswerDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    package let description: String
}

extension AnswerValue {
    /// The answer as it is written into a record or a draft: money in pence, dates as ISO text.
    package var canonical: CanonicalValue {
        switch self {
        case .text(let text): return .keyed([AnswerKey.text: .string(text)])
        case .choice(let id, let other):
            var members: [AnswerKey: CanonicalValue] = [:]
            if let id { members[.choice] = .string(id) }
            if let other { members[.other] = .string(other) }
            return .keyed(members)
        case .choices(let ids, let other):
            var members: [AnswerKey: CanonicalValue] = [.choices: .array(ids.map(CanonicalValue.string))]
            if let other { members[.other] = .string(other) }
            return .keyed(members)
        case .number(let number): return .keyed([AnswerKey.number: .integer(number)])
        case .money(let money): return .keyed([AnswerKey.pence: .integer(money.pence)])
        case .date(let date): return .keyed([AnswerKey.date: .string(date.iso)])
        case .yesNo(let flag): return .keyed([AnswerKey.yes: .bool(flag)])
        case .people(let people):
            return .keyed([AnswerKey.people: .array(people.map { person in
                .keyed(Dictionary(uniqueKeysWithValues: AnswerKey.Person.allCases.map { ($0, CanonicalValue.string(person[$0.field])) }))
            })])
        case .outcomes(let outcomes):
            return .keyed([AnswerKey.outcomes: .array(outcomes.map {
                .keyed([AnswerKey.Outcome.outcome: .string($0.outcome), .group: .string($0.group.rawValue), .milestones: .string($0.milestones),
                        .timescale: .string($0.timescale), .howWeWillKnow: .string($0.howWeWillKnow),
                        .mayNeedFundedSupport: .bool($0.mayNeedFundedSupport)])
            })])
        case .supportPlan(let lines):
            return .keyed([AnswerKey.plan: .array(lines.map {
                var members: [AnswerKey.PlanLine: CanonicalValue] = [.support: .string($0.support), .quantity: .integer($0.quantity),
                                                                     .frequency: .string($0.frequency.rawValue), .outcome: .string($0.outcome)]
                if let option = $0.underOption4 { members[.underOption4] = .string(option.rawValue) }
                return .keyed(members)
            })])
        }
    }

    /// Reads an answer exactly as ``canonical`` writes it. Members of more than one kind, a
    /// member Blether does not write, or a value of the wrong type is refused — never guessed.
    package init(canonical value: CanonicalValue) throws(AnswerDecodingError) {
        guard case .object(let members) = value else { throw AnswerDecodingError(description: "an answer is not an object") }
        if let unknown = value.unknownMembers(AnswerKey.self).first {
            throw AnswerDecodingError(description: "an answer has the member \"\(unknown)\", which Blether does not write")
        }
        let keys = Set(members.keys.compactMap(AnswerKey.init(rawValue:)))
        func only(_ allowed: Set<AnswerKey>) throws(AnswerDecodingError) {
            guard keys.isSubset(of: allowed) else {
                throw AnswerDecodingError(description: "an answer mixes the members \(keys.map(\.rawValue).sorted().joined(separator: ", "))")
            }
        }
        if keys.contains(.choices) {
            try only([.choices, .other])
            self = .choices(try Self.strings(value[AnswerKey.choices], AnswerKey.choices.rawValue),
                            other: try value[AnswerKey.other].map { value throws(AnswerDecodingError) in try Self.string(value, AnswerKey.other.rawValue) })
        } else if keys.isSubset(of: [.choice, .other]) {
            self = .choice(try value[AnswerKey.choice].map { value throws(AnswerDecodingError) in try Self.string(value, AnswerKey.choice.rawValue) },
                           other: try value[AnswerKey.other].map { value throws(AnswerDecodingError) in try Self.string(value, AnswerKey.other.rawValue) })
        } else {
            guard keys.count == 1, let key = keys.first, let member = value[key] else {
                throw AnswerDecodingError(description: "an answer mixes the members \(keys.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            switch key {
            case .text: self = .text(try Self.string(member, key.rawValue))
            case .number: self = .number(try Self.integer(member, key.rawValue))
            case .pence: self = .money(Money(pence: try Self.integer(member, key.rawValue)))
            case .date:
                let text = try Self.string(member, key.rawValue)
                guard let date = try? CalendarDate(parsing: text) else { throw AnswerDecodingError(description: "\"\(text)\" is not a date") }
                self = .date(date)
            case .yes:
                guard let flag = member.bool else { throw AnswerDecodingError(description: "the member \"yes\" is not true or false") }
                self = .yesNo(flag)
            case .people: self = .people(try Self.entries(member, key.rawValue).map(Self.person))
            case .outcomes: self = .outcomes(try Self.entries(member, key.rawValue).map(Self.outcome))
            case .plan: self = .supportPlan(try Self.entries(member, key.rawValue).map(Self.planLine))
            case .choice, .choices, .other: throw AnswerDecodingError(description: "an answer mixes choices with other members")
            }
        }
    }

    private static func string(_ value: CanonicalValue?, _ name: String) throws(AnswerDecodingError) -> String {
        guard let text = value?.string else { throw AnswerDecodingError(description: "the member \"\(name)\" is missing or not text") }
        return text
    }

    private static func integer(_ value: CanonicalValue?, _ name: String) throws(AnswerDecodingError) -> Int {
        guard let number = value?.integer else { throw AnswerDecodingError(description: "the member \"\(name)\" is missing or not a whole number") }
        return number
    }

    private static func strings(_ value: CanonicalValue?, _ name: String) throws(AnswerDecodingError) -> [String] {
        try entries(value, name).map { item throws(AnswerDecodingError) in try string(item, name) }
    }

    private static func entries(_ value: CanonicalValue?, _ name: String) throws(AnswerDecodingError) -> [CanonicalValue] {
        guard let items = value?.array else { throw AnswerDecodingError(description: "the member \"\(name)\" is not a list") }
        return items
    }

    /// Refuses an entry with a member its enum does not name.
    private static func known<Key: CanonicalKey>(_ entry: CanonicalValue, _: Key.Type, in list: String) throws(AnswerDecodingError) {
        guard case .object = entry else { throw AnswerDecodingError(description: "an entry of \"\(list)\" is not an object") }
        if let unknown = entry.unknownMembers(Key.self).first {
            throw AnswerDecodingError(description: "an entry of \"\(list)\" has the member \"\(unknown)\", which Blether does not write")
        }
    }

    private static func person(_ entry: CanonicalValue) throws(AnswerDecodingError) -> PersonEntry {
        try known(entry, AnswerKey.Person.self, in: AnswerKey.people.rawValue)
        var person = PersonEntry(name: "")
        for key in AnswerKey.Person.allCases { person[key.field] = try string(entry[key], key.rawValue) }
        return person
    }

    private static func outcome(_ entry: CanonicalValue) throws(AnswerDecodingError) -> OutcomeEntry {
        try known(entry, AnswerKey.Outcome.self, in: AnswerKey.outcomes.rawValue)
        let groupText = try string(entry[AnswerKey.Outcome.group], AnswerKey.Outcome.group.rawValue)
        guard let group = OutcomeGroup(rawValue: groupText) else { throw AnswerDecodingError(description: "\"\(groupText)\" is not a group of outcomes") }
        guard let funded = entry[AnswerKey.Outcome.mayNeedFundedSupport]?.bool else {
            throw AnswerDecodingError(description: "the member \"mayNeedFundedSupport\" is missing or not true or false")
        }
        return OutcomeEntry(outcome: try string(entry[AnswerKey.Outcome.outcome], AnswerKey.Outcome.outcome.rawValue), group: group,
                            milestones: try string(entry[AnswerKey.Outcome.milestones], AnswerKey.Outcome.milestones.rawValue),
                            timescale: try string(entry[AnswerKey.Outcome.timescale], AnswerKey.Outcome.timescale.rawValue),
                            howWeWillKnow: try string(entry[AnswerKey.Outcome.howWeWillKnow], AnswerKey.Outcome.howWeWillKnow.rawValue),
                            mayNeedFundedSupport: funded)
    }

    private static func planLine(_ entry: CanonicalValue) throws(AnswerDecodingError) -> SupportPlan.Line {
        try known(entry, AnswerKey.PlanLine.self, in: AnswerKey.plan.rawValue)
        let frequencyText = try string(entry[AnswerKey.PlanLine.frequency], AnswerKey.PlanLine.frequency.rawValue)
        guard let frequency = SupportPlan.Line.Frequency(rawValue: frequencyText) else {
            throw AnswerDecodingError(description: "\"\(frequencyText)\" is not how often support is given")
        }
        var under: SDSOption?
        if let member = entry[AnswerKey.PlanLine.underOption4] {
            let optionText = try string(member, AnswerKey.PlanLine.underOption4.rawValue)
            guard let option = SDSOption(rawValue: optionText) else { throw AnswerDecodingError(description: "\"\(optionText)\" is not a self-directed support option") }
            under = option
        }
        return SupportPlan.Line(support: try string(entry[AnswerKey.PlanLine.support], AnswerKey.PlanLine.support.rawValue),
                                quantity: try integer(entry[AnswerKey.PlanLine.quantity], AnswerKey.PlanLine.quantity.rawValue),
                                frequency: frequency, outcome: try string(entry[AnswerKey.PlanLine.outcome], AnswerKey.PlanLine.outcome.rawValue),
                                underOption4: under)
    }
}

extension AnswerKey.Person {
    /// The person's field this member holds.
    var field: PersonEntry.Field {
        switch self {
        case .name: .name
        case .relationship: .relationship
        case .doesNow: .doesNow
        case .willingAndAble: .willingAndAble
        }
    }
}
