/// A day in the calendar with no time or time zone: a review date, a date of birth.
///
/// ```swift
/// let review = try CalendarDate(parsing: "28/02/2027")   // or "2027-02-28"
/// review.iso                                             // "2027-02-28"
/// ```
package struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Why a piece of text is not a date.
    package enum ParseError: Error, Equatable {
        case empty
        case notADate
        case noSuchMonth(Int)
        case noSuchDay(day: Int, month: Int, year: Int)
    }

    package init(year: Int, month: Int, day: Int) throws(ParseError) {
        guard (1...12).contains(month) else { throw .noSuchMonth(month) }
        guard (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else {
            throw .noSuchDay(day: day, month: month, year: year)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2027-02-28` (ISO) or `28/02/2027` (day first, as written in the UK).
    package init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        let numbers: [Int]
        let isISO: Bool
        if trimmed.contains("-") {
            numbers = trimmed.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
            isISO = true
        } else if trimmed.contains("/") {
            numbers = trimmed.split(separator: "/", omittingEmptySubsequences: false).compactMap { Int($0) }
            isISO = false
        } else {
            throw .notADate
        }
        guard numbers.count == 3, numbers.allSatisfy({ $0 >= 0 }) else { throw .notADate }
        let (year, month, day) = isISO ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[1], numbers[0])
        guard (1000...9999).contains(year) else { throw .notADate }
        try self.init(year: year, month: month, day: day)
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2027-02-28`.
    package var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package var description: String { iso }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CalendarDate(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date"))
        }
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
