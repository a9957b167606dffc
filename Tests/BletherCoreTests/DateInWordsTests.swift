@testable import BletherCore
import Foundation
import Testing

@Suite struct DateInWordsTests {
    let day = try! CalendarDate(parsing: "2026-11-30")

    @Test func aDayIsWrittenInWordsInEachLanguage() {
        #expect(DateInWords.text(day, language: "en-GB") == "30 November 2026")
        #expect(DateInWords.text(day, language: "pl") == "30 listopada 2026")
        #expect(DateInWords.text(day, language: "zh-Hans") == "2026年11月30日")
        #expect(DateInWords.text(day, language: "gd").contains("Samhain"), "the Gaelic month name")
        #expect(DateInWords.text(day, language: "ur").contains("نومبر"), "the Urdu month name")
    }

    @Test func aMomentIsTheDayItWasInScotland() throws {
        // 23:30 on 30 June in UTC is already 1 July in Scotland (British Summer Time).
        let lateInJune = try #require(ISO8601DateFormatter().date(from: "2026-06-30T23:30:00Z"))
        #expect(DateInWords.text(lateInJune, language: "en-GB") == "1 July 2026")
        // In winter Scotland keeps UTC.
        let lateInNovember = try #require(ISO8601DateFormatter().date(from: "2026-11-30T23:30:00Z"))
        #expect(DateInWords.text(lateInNovember, language: "en-GB") == "30 November 2026")
    }
}
