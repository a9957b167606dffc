import BletherCore
import CBidi

/// One line of text as it is drawn: its characters in screen order, left to right, by the
/// Unicode bidi algorithm (ICU). The paragraph direction is the language's, never guessed
/// from the first letter, so an Urdu line reads from the right even when it starts with a
/// Latin name. A person's words inside it (``personsWords(_:direction:)``) and numbers,
/// ids and fingerprints (``leftToRight(_:)``) are isolated runs: they keep their own order
/// and never pull the words around them along, so "She is kind and funny." keeps its full
/// stop at its end inside an Urdu screen. Stored text and the editing caret stay in
/// logical order; only drawing uses this.
///
/// ```swift
/// let line = BidiLine("نام: " + BidiLine.personsWords("Morag."), paragraph: .rightToLeft)
/// line.text    // "Morag. :مان"
/// ```
package struct BidiLine: Sendable, Equatable {
    /// One drawn character.
    package struct Glyph: Sendable, Equatable {
        /// The character as shown: a bracket in a right-to-left run mirrored, a control as `�`.
        package let character: Character
        /// Its place among the line's characters in logical (typed) order.
        package let index: Int
        /// Whether it sits in a right-to-left run (an odd bidi level).
        package let isRightToLeft: Bool
        /// Cells it takes: 0, 1 or 2.
        package let width: Int
    }

    /// The characters, left to right as on the screen.
    package let glyphs: [Glyph]
    /// Cells the drawn characters take.
    package let width: Int
    /// Whether characters at the logical end were left out because they did not fit.
    package let isCut: Bool

    /// Lays out `text` with the paragraph direction `paragraph`, keeping at most `limit`
    /// cells (the logical end is cut). Bidi and terminal controls in the text become `�`;
    /// only the isolates made by ``personsWords(_:direction:)`` and ``leftToRight(_:)`` act.
    package init(_ text: String, paragraph: LayoutDirection, limit: Int? = nil) {
        var items = Self.items(of: text)
        var used = 0
        var cut = false
        if let limit {
            var kept: [Item] = []
            for item in items {
                if case .character(_, let cells) = item {
                    if cut || used + cells > limit { cut = true; continue }
                    used += cells
                }
                kept.append(item)
            }
            items = kept
        } else {
            used = items.reduce(0) { if case .character(_, let cells) = $1 { $0 + cells } else { $0 } }
        }
        width = used
        isCut = cut
        glyphs = Self.reorder(items, paragraph: paragraph)
    }

    /// The line as a string, left to right.
    package var text: String { String(glyphs.map(\.character)) }

    // MARK: Reordering

    private enum Item {
        case character(Character, cells: Int)
        case mark(RunMark)
    }

    /// The text as drawable characters and marks. A run cut by wrapping or truncation is
    /// still one run: one left open ends with the line, and the rest of one begun on an
    /// earlier line is isolated from the line's start, in the direction of its own letters.
    private static func items(of text: String) -> [Item] {
        var items: [Item] = []
        func add(_ character: Character) {
            let shown = character == "\n" || character == "\t" ? " " : TextWidth.displayable(character)
            items.append(.character(shown, cells: TextWidth.of(shown)))
        }
        for character in text {
            guard character.unicodeScalars.contains(where: { RunMark(rawValue: $0.value) != nil }) else { add(character); continue }
            var rest = String.UnicodeScalarView()
            for scalar in character.unicodeScalars {
                if let mark = RunMark(rawValue: scalar.value) {
                    String(rest).forEach(add)
                    rest = String.UnicodeScalarView()
                    items.append(.mark(mark))
                } else {
                    rest.append(scalar)
                }
            }
            String(rest).forEach(add)
        }
        var open = 0
        var begunBefore = 0
        for case .mark(let mark) in items {
            if mark != .end { open += 1 } else if open > 0 { open -= 1 } else { begunBefore += 1 }
        }
        return Array(repeating: .mark(.ownDirection), count: begunBefore) + items
    }

    private static func reorder(_ items: [Item], paragraph: LayoutDirection) -> [Glyph] {
        var characters: [(character: Character, cells: Int, level: UInt8)] = []
        let needsAlgorithm = paragraph.isRightToLeft || items.contains {
            if case .character(let character, _) = $0 { character.unicodeScalars.contains(where: BidiIsolation.isRightToLeft) } else { false }
        }
        if needsAlgorithm {
            var units: [UInt16] = []
            var starts: [Int] = []
            for item in items {
                starts.append(units.count)
                switch item {
                case .character(let character, _): units += Array(String(character).utf16)
                case .mark(let mark): units.append(mark.isolate)
                }
            }
            var levels = [UInt8](repeating: paragraph.isRightToLeft ? 1 : 0, count: units.count)
            if !units.isEmpty {
                let status = units.withUnsafeBufferPointer { input in
                    levels.withUnsafeMutableBufferPointer { output in
                        blether_bidi_levels(input.baseAddress, Int32(input.count), paragraph.isRightToLeft ? 1 : 0, output.baseAddress)
                    }
                }
                if status != 0 { levels = [UInt8](repeating: paragraph.isRightToLeft ? 1 : 0, count: units.count) }
            }
            for (index, item) in items.enumerated() {
                if case .character(let character, let cells) = item { characters.append((character, cells, levels[starts[index]])) }
            }
        } else {
            for item in items {
                if case .character(let character, let cells) = item { characters.append((character, cells, 0)) }
            }
        }
        // Rule L2: from the highest level down to the lowest odd one, reverse every run at
        // that level or above.
        var order = Array(characters.indices)
        let highest = characters.map(\.level).max() ?? 0
        let lowestOdd = characters.map(\.level).filter { $0 % 2 == 1 }.min() ?? (highest + 1)
        if highest >= lowestOdd {
            for level in stride(from: Int(highest), through: Int(lowestOdd), by: -1) {
                var position = 0
                while position < order.count {
                    guard characters[order[position]].level >= level else { position += 1; continue }
                    var end = position
                    while end < order.count, characters[order[end]].level >= level { end += 1 }
                    order[position..<end].reverse()
                    position = end
                }
            }
        }
        return order.map { index in
            let (character, cells, level) = characters[index]
            let rightToLeft = level % 2 == 1
            return Glyph(character: rightToLeft ? mirrored(character) : character, index: index, isRightToLeft: rightToLeft, width: cells)
        }
    }

    /// A bracket in a right-to-left run faces the other way; so do the corners of a box and
    /// the pointer beside the current item, which the bidi algorithm leaves as they are.
    private static func mirrored(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return character }
        if let drawing = drawingMirrors[character] { return drawing }
        guard scalar.properties.isBidiMirrored, let mirror = Unicode.Scalar(blether_bidi_mirror(scalar.value)) else { return character }
        return Character(mirror)
    }

    private static let drawingMirrors: [Character: Character] = [
        "┌": "┐", "┐": "┌", "└": "┘", "┘": "└", "├": "┤", "┤": "├", "▶": "◀", "◀": "▶", "►": "◄", "◄": "►",
    ]
}
