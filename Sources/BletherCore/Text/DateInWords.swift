import Foundation

/// A day written in words in a reader's language, as a person's copy and review say it:
/// "30 November 2026", "30mh dhen t-Samhain 2026", "30 listopada 2026", "2026年11月30日".
///
/// The words come from the Unicode CLDR data that ships with Foundation, so every language
/// a catalog can name has its month names without a translator writing them. A moment
/// (a signature's time) is given as the day it was in Scotland.
///
/// ```swift
/// DateInWords.text(try CalendarDate(parsing: "2026-11-30"), language: "en-GB")   // "30 November 2026"
/// DateInWords.text(signedAt, language: "gd")
/// ```
package enum DateInWords {
    /// Where the people who read a record live: a moment is written as the day it was there.
    package static let scotland = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!

    /// The calendar day in words, in `language` (a BCP 47 tag such as `en-GB` or `zh-Hans`).
    package static func text(_ day: CalendarDate, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        guard let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) else { return day.iso }
        return words(noon, language: language, timeZone: calendar.timeZone)
    }

    /// The day a moment fell on in Scotland, in words, in `language`.
    package static func text(_ moment: Date, language: String, timeZone: TimeZone = scotland) -> String {
        words(moment, language: language, timeZone: timeZone)
    }

    private static func words(_ moment: Date, language: String, timeZone: TimeZone) -> String {
        let style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), calendar: Calendar(identifier: .gregorian), timeZone: timeZone)
        return moment.formatted(style)
    }
}
