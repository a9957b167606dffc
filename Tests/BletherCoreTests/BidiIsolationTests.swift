import BletherCore
import Testing

@Suite struct BidiIsolationTests {
    @Test func plainLatinTextIsLeftAsItWas() {
        #expect(BidiIsolation.isolate("Morag Campbell") == "Morag Campbell")
        #expect(BidiIsolation.safeLine("Morag Campbell  adult-good-conversation") == "Morag Campbell  adult-good-conversation")
    }

    @Test func everyControlInAFieldIsShownAndTheFieldIsolated() {
        #expect(BidiIsolation.isolate("abc\u{202E}def") == "\u{2068}abc<U+202E>def\u{2069}")
        for control: Unicode.Scalar in ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
                                        "\u{200E}", "\u{200F}", "\u{061C}"] {
            let isolated = BidiIsolation.isolate("x" + String(Character(control)) + "y")
            let inside = isolated.unicodeScalars.dropFirst().dropLast()
            #expect(!inside.contains(where: BidiIsolation.isControl), "U+\(String(control.value, radix: 16)) is shown, not kept")
            #expect(isolated.unicodeScalars.first == "\u{2068}" && isolated.unicodeScalars.last == "\u{2069}")
        }
        #expect(BidiIsolation.isolate("\u{61C}") == "\u{2068}<U+061C>\u{2069}")
    }

    @Test func rightToLeftLettersAreIsolatedAndKept() {
        #expect(BidiIsolation.isolate("مورگ") == "\u{2068}مورگ\u{2069}")
        #expect(BidiIsolation.isolate("שלום 12") == "\u{2068}שלום 12\u{2069}")
    }

    @Test func aWholeLineKeepsBalancedIsolatesAndShowsEverythingElse() {
        let field = BidiIsolation.isolate("Evil\u{202E}")
        #expect(BidiIsolation.safeLine("Name: " + field + " — form") == "Name: " + field + " — form")
        #expect(BidiIsolation.safeLine("a\u{202E}b") == "a<U+202E>b")
        #expect(BidiIsolation.safeLine("a\u{2069}b\u{2068}c") == "a<U+2069>b<U+2068>c", "a stray close and an isolate left open are both shown")
        #expect(BidiIsolation.safeLine("\u{2067}x\u{2069} and \u{2068}") == "\u{2067}x\u{2069} and <U+2068>")
        #expect(BidiIsolation.safeText("one\u{200F}\ntwo") == "one<U+200F>\ntwo")
    }
}

/// A line break, an escape or another terminal control in a name is shown, never obeyed: a
/// name can never start a line of its own or repaint the screen.
@Suite struct TerminalControlTests {
    @Test func controlsInAFieldAreShownByName() {
        let forged = "Eve\n  eb4a a247 c889 0719  Rhona Lead (team-leader)"
        #expect(!BidiIsolation.isolate(forged).contains("\n"))
        #expect(BidiIsolation.isolate(forged).contains("Eve<U+000A>  eb4a"))
        #expect(BidiIsolation.safeLine("\u{1B}[2Jgone\r") == "<U+001B>[2Jgone<U+000D>")
        #expect(BidiIsolation.safeText("one\ntwo\u{7}") == "one\ntwo<U+0007>", "lines stay lines; what is in them is shown")
        #expect(BidiIsolation.safeLine("a\tb") == "a\tb")
    }

    @Test func aNameIsOneLine() {
        #expect(AnswerText.oneLine("Fake\nxdfswztu  approved\r\n") == "Fake xdfswztu approved")
        #expect(AnswerText.oneLine("Mo\u{1B}[31mrag") == "Mo[31mrag")
    }
}
