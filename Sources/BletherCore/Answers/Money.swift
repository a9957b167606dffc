/// An amount of money in whole pence. Never a floating-point number.
///
/// ```swift
/// let weekly = try Money(parsing: "£1,234.50")   // 123450 pence
/// weekly.formatted                               // "£1,234.50"
/// ```
package struct Money: Sendable, Hashable, Comparable, Codable {
    package let pence: Int

    package init(pence: Int) { self.pence = pence }

    package static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

    /// Why a piece of text is not an amount of money.
    package enum ParseError: Error, Equatable {
        case empty
        case notAnAmount
        case tooManyPenceDigits
        case tooLarge
    }

    /// Reads `12`, `12.5`, `12.50`, `£1,234.50` or `-3.20`. More than two digits after
    /// the point is refused rather than rounded, so no amount changes silently.
    package init(parsing text: String) throws(ParseError) {
        var body = Substring(text.trimmingWhitespace())
        guard !body.isEmpty else { throw .empty }
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        if body.first == "£" { body = body.dropFirst() }
        if !negative, body.first == "-" { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .notAnAmount }
        let poundsText = parts[0].filter { $0 != "," }
        guard !poundsText.isEmpty || parts.count == 2,
              poundsText.allSatisfy(\.isASCIIDigit) else { throw .notAnAmount }
        if parts[0].contains(",") && !Money.hasValidThousandsGrouping(parts[0]) { throw .notAnAmount }
        var penceText = parts.count == 2 ? String(parts[1]) : ""
        guard penceText.allSatisfy(\.isASCIIDigit) else { throw .notAnAmount }
        if parts.count == 2 && penceText.isEmpty && poundsText.isEmpty { throw .notAnAmount }
        guard penceText.count <= 2 else { throw .tooManyPenceDigits }
        while penceText.count < 2 { penceText += "0" }
        guard poundsText.count <= 13 else { throw .tooLarge }
        let pounds = Int(poundsText.isEmpty ? "0" : poundsText)!
        let total = pounds * 100 + Int(penceText)!
        pence = negative ? -total : total
    }

    private static func hasValidThousandsGrouping(_ text: Substring) -> Bool {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// `£1,234.50`, with a leading minus sign for negative amounts: the worker's screens and the
    /// texts signed as they were shown. A copy for the person writes it as its language does:
    /// ``formatted(in:)``.
    package var formatted: String { MoneyStyle.british.write(self) }

    /// `1234.50`: the form used inside form files and conditions.
    package var plain: String {
        let magnitude = pence.magnitude
        let penceDigits = magnitude % 100
        return (pence < 0 ? "-" : "") + "\(magnitude / 100)." + (penceDigits < 10 ? "0" : "") + "\(penceDigits)"
    }
}

extension Character {
    /// Only the ten ASCII digits: a digit with a combining mark (`5̦`) is one Character
    /// that sorts between "0" and "9", but it is not a digit.
    var isASCIIDigit: Bool { asciiValue.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
