import BletherCore
import Testing

/// Inputs that fuzzing found crashing Blether (scripts/fuzz), each kept so it never returns.
@Suite struct FuzzFoundTests {
    /// `5̦` (5 with a combining comma below) is one Character that sorts between "0" and "9",
    /// so it passed for a digit and `Int(…)!` then crashed: in a condition (`forms check`)
    /// and in any money answer typed in plain mode or the full screen.
    @Test func aDigitWithACombiningMarkIsNotADigit() throws {
        #expect(throws: Money.ParseError.notAnAmount) { try Money(parsing: "5\u{326}05") }
        #expect(throws: Money.ParseError.notAnAmount) { try Money(parsing: "12.5\u{301}0") }
        #expect(throws: ConditionSyntaxError.self) { try Condition(parsing: "5\u{326}05") }
        // Not a number, so a word: read as a question id, which forms check then names as unknown.
        #expect(try Condition(parsing: "hours > 3\u{326}5").questionReferences == ["hours", "3\u{326}5"])
        #expect(try Money(parsing: "12.50").pence == 1250)
    }
}
