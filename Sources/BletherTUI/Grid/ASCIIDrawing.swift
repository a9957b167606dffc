/// In ASCII mode (`--ascii`, `BLETHER_ASCII=1`, F6), every drawing character and every
/// typographic punctuation mark on screen is drawn as ASCII: the one table, applied as a
/// grid is written, so the catalogs' texts (“ ” — · …) and the program's own marks alike
/// reach a terminal that can only show ASCII. Letters are never changed: a name stays as
/// it was written.
///
/// ```swift
/// ASCIIDrawing.text("Section 4 of 15 · 23 answers — “new”")   // "Section 4 of 15 | 23 answers - \"new\""
/// ```
package enum ASCIIDrawing {
    /// Each character and what it is drawn as in ASCII mode.
    package static let table: [Character: String] = [
        // Dashes, hyphens and minus signs.
        "—": "-", "–": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-", "⁃": "-",
        // Quotation marks.
        "“": "\"", "”": "\"", "„": "\"", "‟": "\"", "«": "\"", "»": "\"", "″": "\"",
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'",
        // Dots, bullets, ellipsis.
        "·": "|", "•": "*", "‧": ".", "…": "...", "⋯": "...",
        // Spaces that are not plain spaces.
        "\u{A0}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2009}": " ", "\u{200A}": " ", "\u{202F}": " ", "\u{2007}": " ",
        // Signs.
        "×": "x", "÷": "/", "≤": "<=", "≥": ">=", "≠": "!=", "→": "->", "←": "<-", "↑": "^", "↓": "v",
        // Box drawing and marks.
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "▶": ">", "►": ">", "◀": "<", "✓": "x", "✔": "x",
        // What is shown for a character that cannot be shown.
        "\u{FFFD}": "?",
    ]

    /// `text` as drawn in ASCII mode.
    package static func text(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var result = ""
        for character in text { result += table[character] ?? String(character) }
        return result
    }

    /// `character` as drawn in ASCII mode when the table gives one character for it; else itself.
    package static func single(_ character: Character) -> Character {
        guard let mapped = table[character], mapped.count == 1, let first = mapped.first else { return character }
        return first
    }
}
