import BletherCore

/// Word wrapping by display width, keeping line breaks and the position of every character,
/// so an editor can put its caret where the character is drawn.
///
/// ```swift
/// let lines = TextLayout.wrap("A long answer in the person's own words", width: 20)
/// lines.map(\.text)   // ["A long answer in the", "person's own words"]
/// ```
package enum TextLayout {
    /// One drawn line: its text and the offset (in characters) of its first character.
    package struct Line: Sendable, Equatable {
        package let text: String
        package let start: Int
        /// Number of characters of the source this line covers, including a break that ends it.
        package let length: Int
    }

    package static func wrap(_ text: String, width: Int) -> [Line] {
        wrap(Array(text), width: width)
    }

    package static func wrap(_ characters: [Character], width: Int) -> [Line] {
        let width = max(width, 1)
        var lines: [Line] = []
        var start = 0
        while start <= characters.count {
            var end = start
            var used = 0
            var lastBreak: Int?
            while end < characters.count, characters[end] != "\n" {
                let cells = TextWidth.of(characters[end])
                if used + cells > width { break }
                used += cells
                if characters[end] == " " { lastBreak = end }
                end += 1
            }
            if end < characters.count, characters[end] == "\n" {
                lines.append(Line(text: String(characters[start..<end]), start: start, length: end - start + 1))
                start = end + 1
                continue
            }
            if end >= characters.count {
                lines.append(Line(text: String(characters[start..<end]), start: start, length: end - start))
                break
            }
            // The line is full: break at a space that overflows it, after the last space,
            // or mid-word when there is none.
            if characters[end] == " " {
                lines.append(Line(text: String(characters[start..<end]), start: start, length: end - start + 1))
                start = end + 1
            } else if let lastBreak, lastBreak > start {
                lines.append(Line(text: String(characters[start..<lastBreak]), start: start, length: lastBreak - start + 1))
                start = lastBreak + 1
            } else {
                let cut = max(end, start + 1)
                lines.append(Line(text: String(characters[start..<cut]), start: start, length: cut - start))
                start = cut
            }
        }
        return lines.isEmpty ? [Line(text: "", start: 0, length: 0)] : lines
    }

    /// Wrapped lines as plain strings; a person's words or a number run (``BidiLine``) wrapped
    /// over lines is a run on each of them.
    package static func lines(_ text: String, width: Int) -> [String] {
        BidiLine.reopened(wrap(text, width: width).map(\.text))
    }

    /// Text cut to `width` cells, ending with `…` (or `...` when `ascii`) if it was longer.
    package static func truncate(_ text: String, width: Int, ascii: Bool = false) -> String {
        guard TextWidth.of(text) > width else { return text }
        let ellipsis = ascii ? "..." : "…"
        let room = max(width - TextWidth.of(ellipsis), 0)
        var result = ""
        var used = 0
        for character in text {
            let cells = TextWidth.of(character)
            if used + cells > room { break }
            result.append(character)
            used += cells
        }
        return result + ellipsis
    }
}
