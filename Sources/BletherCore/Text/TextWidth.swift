import CTextWidth

/// How many terminal cells (display columns) text takes: CJK and other wide characters two,
/// combining marks none, everything else one. Uses the C library's `wcwidth`, as ncurses does,
/// so the grid and the terminal agree — and a text copy wrapped at 72 columns is 72 columns
/// wide in any editor or terminal, in Chinese as in English.
///
/// ```swift
/// TextWidth.of("我的家")   // 6
/// TextWidth.of("Cafe\u{301}") // 4
/// ```
package enum TextWidth {
    /// `wcwidth` only knows non-ASCII characters under a UTF-8 locale; make sure one is set.
    private static let utf8Locale: Bool = blether_ensure_utf8_ctype() == 1

    /// Cells for one character (a grapheme cluster): 0, 1 or 2.
    package static func of(_ character: Character) -> Int {
        _ = utf8Locale
        if character.unicodeScalars.contains(where: BidiIsolation.isControl) { return 1 }
        // BidiLine's run marks (U+FDD0–U+FDD3) take no cell.
        if character.unicodeScalars.allSatisfy({ (0xFDD0...0xFDD3).contains($0.value) }) { return 0 }
        var total = 0
        for scalar in character.unicodeScalars {
            let width = Int(blether_wcwidth(scalar.value))
            total += max(width, 0)
        }
        if total == 0, character.unicodeScalars.first.map({ !isZeroWidth($0) }) ?? false { total = 1 }
        return min(total, 2)
    }

    package static func of(_ text: String) -> Int {
        // Printable ASCII (most names and words on a screen) is one cell a byte.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: scalar.value == 0x200B
        }
    }

    /// A character safe to put on a terminal: control characters, and the bidi controls
    /// (``BidiIsolation/isControl(_:)``), become a visible `�`, one cell wide.
    package static func displayable(_ character: Character) -> Character {
        character.unicodeScalars.contains { $0.properties.generalCategory == .control || BidiIsolation.isControl($0) } ? "\u{FFFD}" : character
    }
}
