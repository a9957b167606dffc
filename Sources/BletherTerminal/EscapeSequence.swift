import BletherTUI

/// What came after an Escape that ncurses did not recognise as a key: Blether's own reading
/// of the sequences terminals send, so that a key the terminal description lacks (End under
/// some `TERM` values, Ctrl-Left inside tmux or screen, F10 under vt100) is understood, or
/// ignored whole — never taken as Escape followed by typed text.
///
/// Understood: CSI sequences (`ESC [` parameters, a final byte) for the arrows, Home, End,
/// Delete, Page Up/Down, Shift-Tab and F1–F12, with Ctrl or Alt on Left and Right moving by
/// word; xterm's SGR mouse reports (`ESC [ <` button `;` column `;` row `M`), and the older
/// `ESC [ M` and three bytes, as ``MouseEvent``s;
/// SS3 (`ESC O` and one character); the Linux console's `ESC [ [ A`…`E`; Alt-B and Alt-F.
/// Anything else that begins like a sequence (including OSC and DCS strings, read to their
/// end), or Alt with any other letter, is ``Decoded/unknown``. A digit, a space or a
/// control key right after Escape is Escape, then that key: so Alt with a digit is never an
/// F-key here (Esc then a choice's number, typed quickly, must stay two keys); each F-key has
/// a Ctrl key instead (``KeyShortcut``).
///
/// ```swift
/// EscapeSequence.decode(next: { _ in reader.next() }, pushBack: { reader.unread($0) })   // .key(.wordLeft) for ESC [1;5D
/// ```
enum EscapeSequence {
    /// What followed the Escape, as the decoder reads it.
    enum Following: Equatable {
        case character(UInt32)
        /// A key ncurses decoded on its own (Alt with an arrow, say).
        case functionKey
    }

    enum Decoded: Equatable {
        /// Escape on its own.
        case escape
        case key(Key)
        /// A sequence, or Alt with a key, that means nothing here: read whole and ignored.
        case unknown
    }

    /// The most characters of one sequence kept for reading its meaning (terminals send far
    /// fewer); a longer one is still read to its end, up to ``longestDrained``, and ignored.
    static let longest = 32
    static let longestDrained = 4096

    /// Decodes the characters after an Escape.
    /// - Parameters:
    ///   - next: the next character; `midSequence` is true once a sequence has begun, when
    ///     the rest is worth waiting a moment for. `nil` when nothing more came.
    ///   - pushBack: hands back a character that belongs to the next key (a second Escape).
    static func decode(next: (_ midSequence: Bool) -> Following?, pushBack: (UInt32) -> Void) -> Decoded {
        switch next(false) {
        case nil: return .escape
        case .functionKey?: return .unknown
        case .character(let first)?:
            switch first {
            case 27:
                pushBack(first)
                return .escape
            case ascii("["): return controlSequence(next: next, pushBack: pushBack)
            case ascii("]"), ascii("P"), ascii("_"), ascii("^"): return controlString(next: next)
            case ascii("O"):
                guard case .character(let final)? = next(true) else { return .unknown }
                return ss3[final].map(Decoded.key) ?? .unknown
            case ascii("b"): return .key(.wordLeft)
            case ascii("f"): return .key(.wordRight)
            default:
                // Alt with a letter is a shortcut Blether does not have. Anything else came
                // after a lone Escape, typed quickly (Esc then 1 on a choice): keep it.
                if let scalar = Unicode.Scalar(first), Character(scalar).isLetter { return .unknown }
                pushBack(first)
                return .escape
            }
        }
    }

    /// `ESC [`, then parameter bytes (`0`–`?`), intermediate bytes (space–`/`) and one final byte (`@`–`~`).
    private static func controlSequence(next: (Bool) -> Following?, pushBack: (UInt32) -> Void) -> Decoded {
        var parameters = ""
        var overlong = false
        for _ in 0..<longestDrained {
            guard case .character(let byte)? = next(true) else { return .unknown }
            switch byte {
            case 0x20...0x3F:
                if parameters.unicodeScalars.count < longest {
                    parameters.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
                } else {
                    overlong = true
                }
            case ascii("[") where parameters.isEmpty:
                // The Linux console's F1–F5: ESC [ [ A…E.
                guard case .character(let final)? = next(true), (ascii("A")...ascii("E")).contains(final) else { return .unknown }
                return .key(.function(Int(final - ascii("A")) + 1))
            case ascii("M") where parameters.isEmpty:
                // A terminal that ignored the request for SGR reports (GNU screen) sends the old
                // form: ESC [ M and three bytes. They are read here, never typed into an answer.
                var bytes: [UInt32] = []
                for _ in 0..<3 {
                    guard case .character(let byte)? = next(true) else { return .unknown }
                    bytes.append(byte)
                }
                return MouseEvent.x10(bytes).map { .key(.mouse($0)) } ?? .unknown
            case 0x40...0x7E:
                if overlong { return .unknown }
                if parameters.hasPrefix("<") {
                    // xterm's SGR mouse report: ESC [ < button ; column ; row, then M or m.
                    let final = Character(Unicode.Scalar(UInt8(byte)))
                    return MouseEvent.sgr(parameters: String(parameters.dropFirst()), final: final).map { .key(.mouse($0)) } ?? .unknown
                }
                return meaning(parameters: parameters, final: byte).map(Decoded.key) ?? .unknown
            case 27:
                // A new key began before this sequence ended: this one is cut short.
                pushBack(byte)
                return .unknown
            default:
                return .unknown
            }
        }
        return .unknown
    }

    /// `ESC ]` (OSC), `ESC P` (DCS), `ESC _` and `ESC ^`: a string ended by BEL or `ESC \`,
    /// such as a terminal's answer to a query. Never a key: read to its end and ignored.
    private static func controlString(next: (Bool) -> Following?) -> Decoded {
        var afterEscape = false
        for _ in 0..<longestDrained {
            guard case .character(let byte)? = next(true) else { return .unknown }
            if byte == 7 || (afterEscape && byte == ascii("\\")) { return .unknown }
            afterEscape = byte == 27
        }
        return .unknown
    }

    private static func meaning(parameters: String, final: UInt32) -> Key? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.allSatisfy({ $0 != nil }) || parameters.isEmpty else { return nil }
        let numbers = parameters.isEmpty ? [] : fields.map { $0! }
        // The modifier, when given, is 1 + Shift(1) + Alt(2) + Ctrl(4): 1 none, 3 Alt, 5 Ctrl.
        let modifier = numbers.count >= 2 ? numbers[1] : 1
        guard numbers.count <= 2 else { return nil }
        if final == ascii("~") {
            guard let number = numbers.first, modifier == 1 else { return nil }
            return tilde[number]
        }
        if numbers.count == 1 && numbers[0] != 1 { return nil }
        switch (final, modifier) {
        case (ascii("D"), 3), (ascii("D"), 5): return .wordLeft
        case (ascii("C"), 3), (ascii("C"), 5): return .wordRight
        case (ascii("Z"), 1): return .backTab
        case (_, 1): return csi[final]
        default: return nil
        }
    }

    /// `ESC [` final byte, with no modifier.
    private static let csi: [UInt32: Key] = [
        ascii("A"): .up, ascii("B"): .down, ascii("C"): .right, ascii("D"): .left,
        ascii("H"): .home, ascii("F"): .end,
    ]

    /// `ESC [` number `~` (the VT220 and xterm keys).
    private static let tilde: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// `ESC O` and one character (cursor keys in application mode, F1–F4).
    private static let ss3: [UInt32: Key] = [
        ascii("A"): .up, ascii("B"): .down, ascii("C"): .right, ascii("D"): .left,
        ascii("H"): .home, ascii("F"): .end,
        ascii("P"): .function(1), ascii("Q"): .function(2), ascii("R"): .function(3), ascii("S"): .function(4),
    ]

    private static func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
}
