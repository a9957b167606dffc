/// The name of each kind of question in form files (`kind: yesno`): the only table of them.
///
/// A form reader reads the keyword, then the kind's own keys (``ownKeys``) into
/// ``KindSettings``, and ``makeKind(_:)`` builds the ``QuestionKind`` — so a new kind is
/// written here and in its description, never in the reader.
///
/// ```swift
/// let keyword = KindKeyword(rawValue: "scale")!                 // .scale
/// let built = keyword.makeKind(KindSettings(wholeNumbers: [.to: 10]))   // .scale(from: 1, to: 10), no problems
/// ```
package enum KindKeyword: String, CaseIterable, Sendable {
    case text
    case line
    case choice
    case choices
    case number
    case money
    case date
    case yesno
    case people
    case outcomes
    case supportPlan = "support-plan"
    case scale

    /// The keys of its own a question of this kind may have, and what each holds.
    package var ownKeys: [KindOwnKey] {
        switch self {
        case .choice, .choices: [.choices, .other]
        case .number: [.min, .max]
        case .money: [.min, .max]
        case .scale: [.from, .to]
        case .text, .line, .date, .yesno, .people, .outcomes, .supportPlan: []
        }
    }

    /// What the value of `key` is written as, for this kind.
    package func valueType(of key: KindOwnKey) -> KindOwnKey.ValueType {
        switch key {
        case .choices: .choiceIDs
        case .other: .flag
        case .from, .to: .wholeNumber
        case .min, .max: self == .money ? .money : .wholeNumber
        }
    }

    /// The kind these settings describe, with what is wrong in them. A kind is always
    /// returned, so one mistake in a form raises no further problems elsewhere.
    package func makeKind(_ settings: KindSettings) -> (kind: QuestionKind, problems: [KindSettings.Problem]) {
        var problems: [KindSettings.Problem] = []
        func ordered<Bound: Comparable>(_ low: Bound?, _ high: Bound?) {
            if let low, let high, low > high {
                problems.append(.init(key: nil, "has min above max, so no answer could be given", fix: "swap them, or correct one of them"))
            }
        }
        let kind: QuestionKind
        switch self {
        case .text: kind = .text
        case .line: kind = .line
        case .date: kind = .date
        case .yesno: kind = .yesNo
        case .people: kind = .people
        case .outcomes: kind = .outcomes
        case .supportPlan: kind = .supportPlan
        case .choice, .choices:
            if settings.choices == nil {
                problems.append(.init(key: nil, "is of kind \(rawValue) but has no choices", fix: "add choices: [first, second]"))
            }
            let ids = settings.choices ?? [], other = settings.other ?? false
            kind = self == .choice ? .singleChoice(choices: ids, allowsOther: other) : .multipleChoice(choices: ids, allowsOther: other)
        case .number:
            let low = settings.wholeNumbers[.min], high = settings.wholeNumbers[.max]
            ordered(low, high)
            kind = .wholeNumber(minimum: low, maximum: high)
        case .money:
            let low = settings.money[.min], high = settings.money[.max]
            ordered(low, high)
            kind = .money(minimum: low, maximum: high)
        case .scale:
            let scale = ScaleBounds.checked(from: settings.wholeNumbers[.from], to: settings.wholeNumbers[.to])
            problems += scale.problems
            kind = .scale(from: scale.bounds.lowerBound, to: scale.bounds.upperBound)
        }
        return (kind, problems)
    }
}

/// A key a question has because of its kind, beyond those every question has.
package enum KindOwnKey: String, CaseIterable, Sendable {
    case choices, other, min, max, from, to

    /// How a key's value is written in a form file.
    package enum ValueType: Sendable, Equatable {
        /// A list of choice ids: `[first, second]`.
        case choiceIDs
        /// `true` or `false`.
        case flag
        case wholeNumber
        /// Pounds and pence: `1500.00`.
        case money
    }

    /// The keywords of the kinds that have this key, for a message: "number and money".
    package var kindsHavingIt: [KindKeyword] {
        KindKeyword.allCases.filter { $0.ownKeys.contains(self) }
    }
}
