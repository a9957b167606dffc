/// Answers are stored, and later signed, as small JSON objects whose one key names the
/// kind of answer: `{"text":"…"}`, `{"choice":"yes-now"}`, `{"choices":["phone"],"other":"…"}`,
/// `{"number":3}`, `{"pence":1250}`, `{"date":"2027-02-28"}`, `{"yes":true}`,
/// `{"people":[…]}`, `{"outcomes":[…]}`, `{"plan":[…]}`.
extension AnswerValue {
    enum CodingKeys: String, CodingKey {
        case text, choice, choices, other, number, pence, date, yes, people, outcomes, plan
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) { self = .text(text); return }
        if let ids = try container.decodeIfPresent([String].self, forKey: .choices) {
            self = .choices(ids, other: try container.decodeIfPresent(String.self, forKey: .other)); return
        }
        if container.contains(.choice) || container.contains(.other) {
            self = .choice(try container.decodeIfPresent(String.self, forKey: .choice),
                           other: try container.decodeIfPresent(String.self, forKey: .other)); return
        }
        if let number = try container.decodeIfPresent(Int.self, forKey: .number) { self = .number(number); return }
        if let pence = try container.decodeIfPresent(Int.self, forKey: .pence) { self = .money(Money(pence: pence)); return }
        if let date = try container.decodeIfPresent(CalendarDate.self, forKey: .date) { self = .date(date); return }
        if let flag = try container.decodeIfPresent(Bool.self, forKey: .yes) { self = .yesNo(flag); return }
        if let people = try container.decodeIfPresent([PersonEntry].self, forKey: .people) { self = .people(people); return }
        if let outcomes = try container.decodeIfPresent([OutcomeEntry].self, forKey: .outcomes) { self = .outcomes(outcomes); return }
        if let lines = try container.decodeIfPresent([SupportPlan.Line].self, forKey: .plan) { self = .supportPlan(lines); return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a known kind of answer"))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .choice(let id, let other):
            try container.encodeIfPresent(id, forKey: .choice)
            try container.encodeIfPresent(other, forKey: .other)
        case .choices(let ids, let other):
            try container.encode(ids, forKey: .choices)
            try container.encodeIfPresent(other, forKey: .other)
        case .number(let number): try container.encode(number, forKey: .number)
        case .money(let money): try container.encode(money.pence, forKey: .pence)
        case .date(let date): try container.encode(date, forKey: .date)
        case .yesNo(let flag): try container.encode(flag, forKey: .yes)
        case .people(let people): try container.encode(people, forKey: .people)
        case .outcomes(let outcomes): try container.encode(outcomes, forKey: .outcomes)
        case .supportPlan(let lines): try container.encode(lines, forKey: .plan)
        }
    }
}
