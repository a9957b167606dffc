import BletherTUI
import CNcursesw

/// Turns what ncurses reads into ``Key``s.
///
/// ```swift
/// KeyDecoding.function(KEY_HOME, size: (80, 24))    // .key(.home)
/// ```
enum KeyDecoding {
    /// A key as read from the terminal: one Blether uses, or one it ignores.
    enum Read: Equatable {
        case key(Key)
        /// An escape sequence or Alt-key that means nothing here; it is ignored whole.
        case unknown
    }

    /// Function and cursor keys (`KEY_*` codes, and the extended codes ncurses gives keys
    /// such as Ctrl-Left that the terminal description names).
    static func function(_ code: Int32, size: (columns: Int, rows: Int)) -> Read {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case blether_key_resize(): return .key(.resize(columns: size.columns, rows: size.rows))
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default:
            return extendedKeys[code].map(Read.key) ?? .unknown
        }
    }

    /// The terminal description's names for keys with no fixed `KEY_*` code: Ctrl- and
    /// Alt-Left/Right move by word.
    static let extendedNames: [(String, Key)] = [("kLFT5", .wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight)]

    /// Codes ncurses gives the keys in ``extendedNames`` on the terminal now open: their
    /// sequences from terminfo (`tigetstr`), then the code bound to each (`key_defined`).
    /// Read once the terminal is set up, as ncurses assigns the codes then.
    nonisolated(unsafe) static var extendedKeys: [Int32: Key] = [:]

    /// Reads ``extendedKeys`` for the terminal just opened.
    static func learnExtendedKeys() {
        var keys: [Int32: Key] = [:]
        for (name, key) in extendedNames {
            let code = blether_key_code(name)
            if code > 0 { keys[code] = key }
        }
        extendedKeys = keys
    }

    /// Ordinary characters and control keys; a Ctrl key in ``KeyShortcut/all`` is read as its
    /// F-key. An Escape is read with what follows it
    /// (``EscapeSequence``): Escape alone, a key the terminal description does not know, or
    /// an unknown sequence that is ignored. `nil` for control characters that mean nothing.
    static func character(_ value: UInt32, next: (_ midSequence: Bool) -> EscapeSequence.Following?, pushBack: (UInt32) -> Void) -> Read? {
        switch value {
        case 3: return .key(.interrupt)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27:
            switch EscapeSequence.decode(next: next, pushBack: pushBack) {
            case .escape: return .key(.escape)
            case .key(let key): return .key(key)
            case .unknown: return .unknown
            }
        case 1...26:
            let letter = Character(Unicode.Scalar(value + 96)!)
            // A Ctrl key that stands for an F-key (Ctrl-R for F7) is that F-key, on every screen.
            if let shortcut = KeyShortcut.forControl(letter) { return .key(.function(shortcut.functionKey)) }
            return .key(.control(letter))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
