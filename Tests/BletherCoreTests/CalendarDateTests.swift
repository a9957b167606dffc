import BletherCore
import Testing

@Suite struct CalendarDateTests {
    @Test func readsISOAndUKOrder() throws {
        #expect(try CalendarDate(parsing: "2027-02-28").iso == "2027-02-28")
        #expect(try CalendarDate(parsing: "1/3/2027").iso == "2027-03-01")
    }

    @Test func knowsLeapYears() throws {
        #expect(try CalendarDate(parsing: "29/02/2028").day == 29)
        #expect(throws: CalendarDate.ParseError.noSuchDay(day: 29, month: 2, year: 2027)) { try CalendarDate(parsing: "29/02/2027") }
        #expect(throws: CalendarDate.ParseError.noSuchDay(day: 29, month: 2, year: 2100)) { try CalendarDate(parsing: "2100-02-29") }
    }

    @Test func explainsWhatIsWrong() {
        #expect(throws: CalendarDate.ParseError.noSuchMonth(13)) { try CalendarDate(parsing: "01/13/2027") }
        #expect(throws: CalendarDate.ParseError.notADate) { try CalendarDate(parsing: "next Tuesday") }
        #expect(throws: CalendarDate.ParseError.empty) { try CalendarDate(parsing: "  ") }
    }
}
