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
        // A copy writes it as its language does; the British style is the worker's screens' own.
        let polish = MoneyStyle(pattern: "{amount}\u{00A0}£", decimalMark: ",", groupMark: "\u{00A0}")
        #expect(Money(pence: 1_454_786).formatted(in: polish) == "14\u{00A0}547,86\u{00A0}£")
        #expect(Money(pence: 5).formatted(in: polish) == "0,05\u{00A0}£")
        #expect(Money(pence: -123_456_789).formatted(in: polish) == "-1\u{00A0}234\u{00A0}567,89\u{00A0}£")
        #expect(Money(pence: 123_456_78).formatted(in: .british) == "£123,456.78")
        // A language gives its marks by writing 1234567.89 its own way; anything else is refused, never guessed at.
        #expect(MoneyStyle(pattern: "{amount}\u{00A0}£", number: "1\u{00A0}234\u{00A0}567,89") == polish)
        #expect(MoneyStyle(pattern: "£{amount}", number: "1,234,567.89") == .british)
        #expect(MoneyStyle(pattern: "£{amount}", number: "1234567.89") == MoneyStyle(pattern: "£{amount}", decimalMark: ".", groupMark: ""))
        for wrong in ["1,234,567", "1.234,567.89", "12,34,567.89", "1,234,567.8", "1,234,567.890", "£1,234,567.89", "1,234,567.89 ", ""] {
            #expect(MoneyStyle(pattern: "£{amount}", number: wrong) == nil, "\(wrong)")
        }
        #expect(MoneyStyle(pattern: "£", number: "1,234,567.89") == nil)
        // A pattern with no place for the digits never loses the amount.
        #expect(Money(pence: 1250).formatted(in: MoneyStyle(pattern: "£", decimalMark: ",", groupMark: ".")) == "£12.50")
        #expect(Money(pence: 416000).plain == "4160.00")
    }
}
