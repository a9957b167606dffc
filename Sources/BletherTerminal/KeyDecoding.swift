import BletherTUI
import CNcursesw

/// Turns what ncurses reads into ``Key``s.
enum KeyDecoding {
    /// Function and cursor keys (`KEY_*` codes).
    static func function(_ code: Int32, size: (columns: Int, rows: Int)) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case blether_key_resize(): return .resize(columns: size.columns, rows: size.rows)
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default:
            return wordMotion[code]
        }
    }

    /// Ctrl-Left and Ctrl-Right have no fixed codes; ask the terminal description.
    nonisolated(unsafe) static var wordMotion: [Int32: Key] = {
        var keys: [Int32: Key] = [:]
        for (name, key) in [("kLFT5", Key.wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight)] {
            let code = key_defined(name)
            if code > 0 { keys[code] = key }
        }
        return keys
    }()

    /// Ordinary characters and control keys; Escape followed at once by b or f is Alt-B or
    /// Alt-F. Any other character read after Escape is handed back with `pushBack`, so a
    /// fast typist's next key is never lost.
    static func character(_ value: UInt32, next: () -> UInt32?, pushBack: (UInt32) -> Void) -> Key? {
        switch value {
        case 3: return .interrupt
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27:
            switch next() {
            case nil: return .escape
            case UInt32(UInt8(ascii: "b")): return .wordLeft
            case UInt32(UInt8(ascii: "f")): return .wordRight
            case let other?:
                pushBack(other)
                return .escape
            }
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
