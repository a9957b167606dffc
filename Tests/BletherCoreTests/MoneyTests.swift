import BletherCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("12", 1200), ("12.5", 1250), ("12.50", 1250), ("£1,234.50", 123450), ("-3.20", -320), ("£-3.20", -320), (".75", 75), ("0", 0),
    ])
    func readsAmountsPeopleType(text: String, pence: Int) throws {
        #expect(try Money(parsing: text).pence == pence)
    }

    @Test func refusesRatherThanRounding() {
        #expect(throws: Money.ParseError.tooManyPenceDigits) { try Money(parsing: "12.505") }
    }

    @Test(arguments: ["", "twelve", "12.3.4", "1,23", "£", "12p"])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(throws: Money.ParseError.self) { try Money(parsing: text) }
    }

    @Test func formatsWithPoundSignAndGrouping() {
        #expect(Money(pence: 123_456_78).formatted == "£123,456.78")
        #expect(Money(pence: 5).formatted == "£0.05")
        #expect(Money(pence: -1999).formatted == "-£19.99")
        #expect(Money(pence: 416000).plain == "4160.00")
    }
}
