import Foundation

/// How typed text is made safe and stable before it is kept.
///
/// ```swift
/// AnswerText.cleaned("Mo\u{1B}[31mrag")   // "Mo[31mrag"
/// ```
package enum AnswerText {
    /// NFC-normalises the text and removes control characters other than line breaks,
    /// so an escape sequence typed or pasted into an answer can never reach a terminal.
    package static func cleaned(_ text: String) -> String {
        let normalised = text.precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in normalised.unicodeScalars {
            switch scalar.value {
            case 0x0A: scalars.append(scalar)
            case 0x09: scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Text for one line — a name: cleaned like an answer, with every line break and run of
    /// white space made a single space, so a name can never start a line of its own.
    ///
    /// ```swift
    /// AnswerText.oneLine("Morag\n  xdfswztu  approved")   // "Morag xdfswztu approved"
    /// ```
    package static func oneLine(_ text: String) -> String {
        cleaned(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the text has words in it: at least one letter that shows (in any script).
    /// Spaces, punctuation, digits alone, and characters that show nothing are not words.
    ///
    /// ```swift
    /// AnswerText.hasWords("\u{200B}\u{3164}")   // false
    /// ```
    package static func hasWords(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic && !$0.properties.isDefaultIgnorableCodePoint }
    }

    static func cleaned(_ value: AnswerValue) -> AnswerValue {
        switch value {
        case .text(let text): return .text(cleaned(text))
        case .choice(let id, let other): return .choice(id, other: other.map { cleaned($0) })
        case .choices(let ids, let other): return .choices(ids, other: other.map { cleaned($0) })
        case .people(let people):
            return .people(people.map {
                PersonEntry(name: cleaned($0.name), relationship: cleaned($0.relationship),
                            doesNow: cleaned($0.doesNow), willingAndAble: cleaned($0.willingAndAble))
            })
        case .outcomes(let outcomes):
            return .outcomes(outcomes.map {
                OutcomeEntry(outcome: cleaned($0.outcome), group: $0.group, milestones: cleaned($0.milestones),
                             timescale: cleaned($0.timescale), howWeWillKnow: cleaned($0.howWeWillKnow),
                             mayNeedFundedSupport: $0.mayNeedFundedSupport)
            })
        case .supportPlan(let lines):
            return .supportPlan(lines.map {
                var line = $0
                line.support = cleaned(line.support)
                line.outcome = cleaned(line.outcome)
                return line
            })
        case .number, .money, .date, .yesNo: return value
        }
    }
}
