@testable import BletherTerminal
import BletherTUI
import CNcursesw
import Foundation
import Testing

/// Keys as terminals send them: known ones understood whatever the terminal description
/// says, unknown sequences ignored whole, never read as Escape followed by typed text.
@Suite(.serialized) struct KeyDecodingTests {
    /// Reads every key in `bytes` as the driver would (no ncurses keypad decoding), with
    /// what a pushed-back character becomes.
    static func keys(in bytes: String) -> [KeyDecoding.Read] {
        var pending = Array(bytes.unicodeScalars.map(\.value))
        var keys: [KeyDecoding.Read] = []
        while !pending.isEmpty {
            let first = pending.removeFirst()
            let read = KeyDecoding.character(first, next: { _ in
                pending.isEmpty ? nil : .character(pending.removeFirst())
            }, pushBack: { pending.insert($0, at: 0) })
            if let read { keys.append(read) }
        }
        return keys
    }

    static func key(_ bytes: String) -> KeyDecoding.Read? {
        let all = keys(in: bytes)
        return all.count == 1 ? all[0] : nil
    }

    @Test(arguments: [
        ("\u{1B}[1;5D", Key.wordLeft), ("\u{1B}[1;5C", .wordRight), ("\u{1B}[1;3D", .wordLeft), ("\u{1B}[1;3C", .wordRight),
        ("\u{1B}b", .wordLeft), ("\u{1B}f", .wordRight),
        ("\u{1B}[H", .home), ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}OH", .home),
        ("\u{1B}[F", .end), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}OF", .end),
        ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)), ("\u{1B}[[A", .function(1)), ("\u{1B}[21~", .function(10)),
        ("\u{1B}[24~", .function(12)),
    ])
    func aSequenceTheTerminalDescriptionMayLackIsTheKeyItMeans(bytes: String, expected: Key) {
        #expect(Self.key(bytes) == .key(expected), "\(bytes.debugDescription)")
    }

    @Test(arguments: ["\u{1B}[1;9X", "\u{1B}[200~", "\u{1B}[?1;2c", "\u{1B}[1;2D", "\u{1B}[3;5~", "\u{1B}[<2;12;4M", "\u{1B}OZ",
                      "\u{1B}x", "\u{1B}é", "\u{1B}[1;5", "\u{1B}[", "\u{1B}O", "\u{1B}[" + String(repeating: "1", count: 40) + "A",
                      "\u{1B}[" + String(repeating: "1;", count: 40) + "D",
                      "\u{1B}]0;a title\u{07}", "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\"])
    func anUnknownSequenceIsOneIgnoredKey(bytes: String) {
        let keys = Self.keys(in: bytes)
        #expect(keys.first == .unknown, "\(bytes.debugDescription) gave \(keys)")
        #expect(!keys.contains(.key(.escape)), "\(bytes.debugDescription) gave \(keys)")
        #expect(keys.count == 1, "\(bytes.debugDescription) gave \(keys)")
    }

    @Test func textAroundAnUnknownSequenceIsKeptAndTheSequenceAddsNothing() {
        let keys = Self.keys(in: "An\u{1B}]0;title\u{07}n\u{1B}[1;9Xie\u{1B}[1;5D!")
        let typed = keys.compactMap { read -> Character? in if case .key(.character(let c)) = read { c } else { nil } }
        #expect(String(typed) == "Annie!")
        #expect(keys.filter { $0 == .unknown }.count == 2)
        #expect(keys.contains(.key(.wordLeft)))
        #expect(!keys.contains(.key(.escape)))
    }

    @Test func escapeAloneIsEscapeAndASecondEscapeIsKept() {
        #expect(Self.keys(in: "\u{1B}") == [.key(.escape)])
        #expect(Self.keys(in: "\u{1B}1") == [.key(.escape), .key(.character("1"))], "Esc then a choice's number, quickly")
        #expect(Self.keys(in: "\u{1B}\t") == [.key(.escape), .key(.tab)])
        #expect(Self.keys(in: "\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(Self.keys(in: "\u{1B}[1;5\u{1B}[D") == [.unknown, .key(.left)], "a sequence cut short by a new one loses only itself")
    }

    @Test func altWithAKeyNcursesDecodedIsIgnored() {
        let read = KeyDecoding.character(27, next: { _ in .functionKey }, pushBack: { _ in })
        #expect(read == .unknown)
    }

    /// Each Ctrl key of the table is read as its F-key, so every screen handles one key.
    @Test func aCtrlKeyOfTheTableIsItsFKey() {
        for shortcut in KeyShortcut.all {
            let byte = UInt32(shortcut.control.asciiValue! - 96)
            #expect(Self.key(String(Unicode.Scalar(UInt8(byte)))) == .key(.function(shortcut.functionKey)), "\(shortcut.controlName)")
        }
        // Editing keys and the screens' own Ctrl keys stay what they are.
        for letter in ["a", "e", "u", "s", "q", "n", "p"] as [Character] {
            let byte = UInt8(letter.asciiValue! - 96)
            #expect(Self.key(String(Unicode.Scalar(byte))) == .key(.control(letter)))
        }
        #expect(Self.key("\u{03}") == .key(.interrupt))
        #expect(Self.key("\u{09}") == .key(.tab))
    }

    @Test(arguments: [
        ("\u{1B}[<0;12;4M", MouseEvent(kind: .press, row: 3, column: 11)),
        ("\u{1B}[<0;1;1M", MouseEvent(kind: .press, row: 0, column: 0)),
        ("\u{1B}[<64;40;10M", MouseEvent(kind: .wheelUp, row: 9, column: 39)),
        ("\u{1B}[<65;200;60M", MouseEvent(kind: .wheelDown, row: 59, column: 199)),
    ])
    func anSGRMouseReportIsAClickOrATurnOfTheWheel(bytes: String, expected: MouseEvent) {
        #expect(Self.key(bytes) == .key(.mouse(expected)), "\(bytes.debugDescription)")
    }

    /// A release, another button, a drag, Ctrl with a click, a report without its row, at
    /// column 0 or with a number far too large: each one ignored key, never typed as text.
    @Test(arguments: ["\u{1B}[<0;12;4m", "\u{1B}[<1;12;4M", "\u{1B}[<2;12;4M", "\u{1B}[<32;12;4M", "\u{1B}[<16;12;4M",
                      "\u{1B}[<0;12M", "\u{1B}[<0;0;4M", "\u{1B}[<0;4;0M", "\u{1B}[<0;999999;1M", "\u{1B}[<;;M", "\u{1B}[<0;1;1;1M",
                      "\u{1B}[<0;-1;4M", "\u{1B}[<0;12;4~"])
    func aMouseReportThatMeansNothingIsOneIgnoredKey(bytes: String) {
        #expect(Self.keys(in: bytes) == [.unknown], "\(bytes.debugDescription) gave \(Self.keys(in: bytes))")
    }

    /// The older report, from a terminal that ignored the request for SGR (GNU screen): its
    /// three bytes are read with it, never typed.
    @Test func anOldStyleMouseReportIsReadWholeAndNeverTyped() {
        #expect(Self.keys(in: "\u{1B}[M !!") == [.key(.mouse(MouseEvent(kind: .press, row: 0, column: 0)))])
        #expect(Self.keys(in: "\u{1B}[M`+%") == [.key(.mouse(MouseEvent(kind: .wheelUp, row: 4, column: 10)))])
        for meaningless in ["\u{1B}[M#!!", "\u{1B}[M\"!!", "\u{1B}[M@!!"] {
            #expect(Self.keys(in: meaningless + "ok") == [.unknown, .key(.character("o")), .key(.character("k"))], "\(meaningless.debugDescription)")
        }
        #expect(Self.keys(in: "\u{1B}[M") == [.unknown], "cut short")
    }

    @Test func textAroundAMouseReportIsKept() {
        let keys = Self.keys(in: "Mo\u{1B}[<0;12;4Mrag\u{1B}[<0;12;4m")
        let typed = keys.compactMap { read -> Character? in if case .key(.character(let c)) = read { c } else { nil } }
        #expect(String(typed) == "Morag")
        #expect(keys.contains(.key(.mouse(MouseEvent(kind: .press, row: 3, column: 11)))))
    }

    /// Alt with a digit is not an F-key: Esc then a choice's number, typed quickly, stays those two keys.
    @Test func altWithADigitIsEscapeThenTheDigit() {
        for digit in "1234567890" {
            #expect(Self.keys(in: "\u{1B}\(digit)") == [.key(.escape), .key(.character(digit))])
        }
    }

    /// Under each terminal description a worker is likely to have, Home, End and Ctrl-Left and
    /// Ctrl-Right — as xterm, tmux and screen send them — reach Blether as those keys, either
    /// because ncurses knows the sequence or because Blether decodes it itself.
    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color"])
    func homeEndAndWordMotionWorkUnder(term: String) throws {
        let sequences: [(String, Key)] = [
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
            ("\u{1B}[1;5D", .wordLeft), ("\u{1B}[1;5C", .wordRight),
        ]
        let output = try #require(fopen("/dev/null", "w"))
        let input = try #require(fopen("/dev/null", "r"))
        defer { fclose(output); fclose(input) }
        let screen = try #require(term.withCString { newterm($0, output, input) }, "no terminfo entry for \(term)")
        defer { endwin(); delscreen(screen) }
        // As the driver does: keypad decoding on (ncurses sets up its key table then), then learn.
        let window = try #require(newwin(0, 0, 0, 0))
        defer { delwin(window) }
        keypad(window, true)
        KeyDecoding.learnExtendedKeys()
        for (sequence, expected) in sequences {
            let code = sequence.withCString { key_defined($0) }
            let read = code > 0 ? KeyDecoding.function(code, size: (80, 24)) : Self.key(sequence)
            #expect(read == .key(expected), "\(term): \(sequence.debugDescription) read as \(String(describing: read)) (ncurses code \(code))")
        }
        // A mouse report is left to Blether's decoder whatever the description's kmous says.
        // (xterm-256color's kmous is ESC [ <, the start of every SGR report; tmux's is ESC [ M.)
        keyok(KEY_MOUSE, false)
        for start in ["\u{1B}[<", "\u{1B}[M"] {
            #expect(start.withCString { key_defined($0) } != KEY_MOUSE, "\(term): ncurses would read \(start.debugDescription) as KEY_MOUSE")
        }
        if term != "screen-256color" {
            #expect(KeyDecoding.extendedKeys.values.contains(.wordLeft), "\(term) names kLFT5: its code must be learned")
            #expect("\u{1B}[1;5D".withCString { key_defined($0) } > 0, "ncurses itself decodes Ctrl-Left under \(term)")
        }
    }
}
