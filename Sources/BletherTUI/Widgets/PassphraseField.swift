/// A passphrase being typed: a modal field of its own, shown only as one dot a character,
/// never handed to any other field, never saved. Leaving the person's review and signing
/// both ask with one.
///
/// Only typing, Backspace and Ctrl-U change it; every other key is swallowed, so nothing
/// typed here can reach an editor behind it. A refused passphrase is cleared at once and the
/// field says so, still open, for the next try.
///
/// ```swift
/// var field = PassphraseField()
/// field.handle(.character("s"))
/// if !unlocks(field.passphrase) { field.refuse() }
/// ```
package struct PassphraseField: Sendable, Equatable {
    private var characters: [Character] = []
    /// Whether the passphrase given last was refused; said in the field's box until the next try.
    package private(set) var refused = false

    package init() {}

    /// What was typed. Read it only to check it; it is never shown or stored.
    package var passphrase: String { String(characters) }

    /// How many characters were typed: the dots shown.
    package var count: Int { characters.count }

    package var isEmpty: Bool { characters.isEmpty }

    /// Applies a key. Every key is taken: characters are added, Backspace and Ctrl-U delete,
    /// anything else does nothing.
    package mutating func handle(_ key: Key) {
        switch key {
        case .character(let character) where character != "\n" && character != "\r":
            characters.append(character)
        case .backspace: if !characters.isEmpty { characters.removeLast() }
        case .control("u"): characters.removeAll()
        default: break
        }
    }

    /// The passphrase was wrong: forget it, and say so.
    package mutating func refuse() {
        characters.removeAll()
        refused = true
    }

    /// Draws one dot (or `*` in ASCII) per character typed; returns where the caret is.
    @discardableResult
    func draw(into grid: inout CellGrid, row: Int, column: Int, width: Int, asciiOnly: Bool, style: CellStyle) -> GridPoint {
        let masked = LineEditor(text: String(repeating: asciiOnly ? "*" : "•", count: characters.count))
        return masked.draw(into: &grid, row: row, column: column, width: width, style: style)
    }
}

extension PassphraseField: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    // A passphrase never reaches a log or an error message through string interpolation.
    package var description: String { "PassphraseField(\(characters.count) characters hidden)" }
    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["count": characters.count, "refused": refused]) }
}
