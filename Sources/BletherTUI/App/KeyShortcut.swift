/// The one table of the F-key actions and the Ctrl key that does the same, for terminals
/// and laptops where an F-key cannot be pressed: GNOME Terminal, Windows Terminal and macOS
/// Terminal take F1 and F10 for themselves, many laptops need Fn, and `TERM=vt100` has no F7
/// or F9 at all. The terminal edge decodes each Ctrl key to its F-key, so every screen
/// handles one key; the key bar, the F1 help and the README show both from this table.
///
/// The Ctrl letters are ones no screen uses for editing (Ctrl-A, E, U, S, Q, N, P are taken)
/// and no terminal keeps for itself: not Ctrl-S or Ctrl-Q (flow control), Ctrl-Z (suspend),
/// Ctrl-C, Ctrl-\, Ctrl-H (Backspace), Ctrl-I (Tab), Ctrl-J and Ctrl-M (Enter), Ctrl-[ (Esc),
/// Ctrl-B (tmux's prefix) or Ctrl-V (paste in Windows Terminal). Alt with the F-key's digit
/// is not used: Alt arrives as Esc, and Esc then a choice's number, typed quickly, must stay
/// those two keys; macOS Terminal does not send Alt at all unless told to.
///
/// ```swift
/// KeyShortcut.forControl("r")?.functionKey     // 7: Ctrl-R reads back, as F7 does
/// catalog.text(.tuiKeySign, KeyShortcut.barNames)   // "F9/^F sign"
/// ```
package struct KeyShortcut: Sendable, Equatable {
    /// What the key does, in a few words for the README table and the tests.
    package let action: String
    /// 1 for F1 … 10 for F10.
    package let functionKey: Int
    /// The letter pressed with Ctrl, lower case.
    package let control: Character

    package static let all: [KeyShortcut] = [
        KeyShortcut(action: "help", functionKey: 1, control: "g"),
        KeyShortcut(action: "sections", functionKey: 2, control: "t"),
        KeyShortcut(action: "who is speaking", functionKey: 3, control: "w"),
        KeyShortcut(action: "talked about — nothing here (in the review: more space)", functionKey: 4, control: "o"),
        KeyShortcut(action: "high contrast", functionKey: 5, control: "l"),
        KeyShortcut(action: "ASCII drawing", functionKey: 6, control: "y"),
        KeyShortcut(action: "read back, or how the amount was worked out", functionKey: 7, control: "r"),
        KeyShortcut(action: "clear this answer", functionKey: 8, control: "k"),
        KeyShortcut(action: "sign (in the home: decide)", functionKey: 9, control: "f"),
        KeyShortcut(action: "back to the conversations (in the review: leave)", functionKey: 10, control: "x"),
    ]

    /// The shortcut for Ctrl with `letter` (lower case), if it stands for an F-key.
    package static func forControl(_ letter: Character) -> KeyShortcut? {
        all.first { $0.control == letter }
    }

    package static func forFunctionKey(_ number: Int) -> KeyShortcut? {
        all.first { $0.functionKey == number }
    }

    /// `F9`
    package var functionName: String { "F\(functionKey)" }
    /// `Ctrl-F`, as the help and the README write it.
    package var controlName: String { "Ctrl-" + control.uppercased() }
    /// `F9/^F`: short enough for the key bar, where `^` stands for Ctrl as the F1 help says.
    package var barName: String { "\(functionName)/^\(control.uppercased())" }
    /// `F9, Ctrl-F`, as the F1 help lists it.
    package var helpName: String { "\(functionName), \(controlName)" }

    /// The catalog's placeholders `{f1}` … `{f10}` filled with the key bar's names.
    package static var barNames: [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { ("f\($0.functionKey)", $0.barName) })
    }

    /// The placeholders filled in a sentence on screen ("Press {f7} to read …"): `F7 (Ctrl-R)`.
    package static var sentenceNames: [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { ("f\($0.functionKey)", "\($0.functionName) (\($0.controlName))") })
    }

    /// The placeholders filled for the F1 help, each padded to the help's key column.
    package static func helpNames(column: Int) -> [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { shortcut in
            let name = shortcut.helpName
            return ("f\(shortcut.functionKey)", name + String(repeating: " ", count: max(column - name.count, 1)))
        })
    }
}
