import Foundation

/// How a language writes an amount of money for a reader: where the pound sign goes, the mark
/// between pounds and pence, and the mark between groups of three digits. A copy's language
/// gives its style as two ordinary catalog texts — `money.pattern` (`{amount} £`) and
/// `money.number`, the number 1234567.89 as the language writes it (`1 234 567,89`), from
/// which the two marks are read — so a new language needs no code: Polish writes
/// `14 547,86 £` (no-break spaces, so an amount is never wrapped apart), English `£14,547.86`.
///
/// ```swift
/// let polish = MoneyStyle(pattern: "{amount}\u{A0}£", number: "1\u{A0}234\u{A0}567,89")!
/// Money(pence: 1_454_786).formatted(in: polish)   // "14 547,86 £"
/// ```
package struct MoneyStyle: Sendable, Equatable {
    /// Where the amount goes beside the sign, `{amount}` standing for the digits: `£{amount}`, `{amount} £`.
    package let pattern: String
    /// Between pounds and pence: `.` or `,`.
    package let decimalMark: String
    /// Between each group of three digits of the pounds: `,`, a no-break space, or nothing.
    package let groupMark: String

    /// The catalog parameter a pattern puts the digits in.
    package static let amountParameter = "{amount}"

    /// `£1,234.50`: the style of ``Money/formatted``, and of any pattern without a place for the digits.
    package static let british = MoneyStyle(pattern: "£" + amountParameter, decimalMark: ".", groupMark: ",")

    package init(pattern: String, decimalMark: String, groupMark: String) {
        self.pattern = pattern
        self.decimalMark = decimalMark
        self.groupMark = groupMark
    }

    /// The number ``number`` reads its marks from: 1234567.89.
    package static let exampleDigits = "123456789"

    /// The style whose `pattern` holds ``amountParameter`` and whose `number` is 1234567.89 written
    /// with one decimal mark before the last two digits and the same group mark (or none)
    /// after the 1 and after the 4; `nil` for anything else, so a slip never garbles an amount.
    package init?(pattern: String, number: String) {
        guard pattern.contains(MoneyStyle.amountParameter) else { return nil }
        var digits = ""
        var marks: [Int: String] = [:]
        var mark = ""
        for character in number {
            if character.isASCIIDigit {
                if !mark.isEmpty { marks[digits.count] = mark; mark = "" }
                digits.append(character)
            } else {
                mark.append(character)
            }
        }
        guard digits == MoneyStyle.exampleDigits, mark.isEmpty, let decimal = marks[7],
              Set(marks.keys).isSubset(of: [1, 4, 7]), marks[1] == marks[4] else { return nil }
        self.init(pattern: pattern, decimalMark: decimal, groupMark: marks[1] ?? "")
    }
}

extension MoneyStyle {
    /// `amount` in this style, a minus sign before it when negative: `-14 547,86 £`. Always the
    /// pence in full, whatever the language, so no amount is rounded.
    package func write(_ amount: Money) -> String {
        guard pattern.contains(MoneyStyle.amountParameter) else { return MoneyStyle.british.write(amount) }
        let magnitude = amount.pence.magnitude
        let pounds = String(magnitude / 100)
        var grouped = ""
        for (offset, digit) in pounds.enumerated() {
            if offset > 0 && (pounds.count - offset) % 3 == 0 { grouped += groupMark }
            grouped.append(digit)
        }
        let penceDigits = magnitude % 100
        let digits = grouped + decimalMark + (penceDigits < 10 ? "0" : "") + String(penceDigits)
        return (amount.pence < 0 ? "-" : "") + pattern.replacingOccurrences(of: MoneyStyle.amountParameter, with: digits)
    }
}

extension Money {
    /// The amount as `style` writes it (``MoneyStyle/write(_:)``).
    package func formatted(in style: MoneyStyle) -> String { style.write(self) }
}
