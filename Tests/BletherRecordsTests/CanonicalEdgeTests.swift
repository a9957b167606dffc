import BletherRecords
import Foundation
import Testing

/// What fuzzing the canonical reader and checker against each other, and against
/// Foundation's JSON reader, turned up: each case here once went wrong.
@Suite struct CanonicalEdgeTests {
    func read(_ text: String) throws -> CanonicalValue {
        try CanonicalValue(decoding: Data(text.utf8))
    }

    func checks(_ bytes: Data) -> Bool {
        (try? CanonicalCheck.topLevelRanges(of: bytes, named: [])) != nil
    }

    @Test(arguments: ["01", "-01", "[00]", "{\"a\":-0012}", "-", "[-]"])
    func numbersWithLeadingZerosOrNoDigitsAreNotJSON(text: String) {
        #expect(throws: CanonicalReadError.self) { try read(text) }
    }

    @Test func aUnicodeEscapeTakesFourHexDigitsAndNoSign() throws {
        #expect(throws: CanonicalReadError.self) { try read(#""\u+041""#) }
        #expect(throws: CanonicalReadError.self) { try read(#""\u-041""#) }
        #expect(throws: CanonicalReadError.self) { try read(#""\u04""#) }
        #expect(try read(#""\u00E9\u00e9""#) == .string("éé"))
    }

    @Test func surrogatePairsAreOneCharacterAndHalvesAreRefused() throws {
        #expect(try read(#""\ud83d\ude00!""#).string.map { Array($0.unicodeScalars) } == ["😀", "!"])
        for half in [#""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, #""\ud83dx""#] {
            #expect(throws: CanonicalReadError.self, "\(half)") { try read(half) }
        }
    }

    @Test func theCheckerPassesOnlyNumbersTheReaderCanRead() throws {
        for text in ["9223372036854775807", "-9223372036854775808", "[1000000000000000000]"] {
            #expect(checks(Data(text.utf8)), "\(text)")
            #expect(try read(text).encoded == Data(text.utf8))
        }
        for text in ["9223372036854775808", "-9223372036854775809", "[99999999999999999999]"] {
            #expect(!checks(Data(text.utf8)), "\(text)")
            #expect(throws: CanonicalReadError.self) { try read(text) }
        }
    }

    @Test func keysWithEscapesAreCheckedInTheEncodersOrder() throws {
        // The encoder sorts keys by their bytes before escaping: a newline (0x0A) comes before
        // "A" although its escape, \n, starts with a backslash (0x5C), which comes after.
        let value = CanonicalValue.object(["\n": .integer(0), "A": .integer(1), "a\"b": .integer(2), "\\": .integer(3),
                                           "\u{1}": .integer(4), "\t\t": .integer(5), "\t": .integer(6)])
        #expect(checks(value.encoded))
        #expect(try CanonicalValue(decoding: value.encoded) == value)
        #expect(!checks(Data(#"{"A":1,"\n":0}"#.utf8)))
        #expect(!checks(Data(#"{"\n":0,"\n":1}"#.utf8)))
        #expect(!checks(Data(#"{"\u0001":0,"\u0001":1}"#.utf8)))
    }
}
