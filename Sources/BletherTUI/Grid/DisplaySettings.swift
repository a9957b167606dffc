/// How the full-screen program draws: colour or not, the high-contrast theme, and an
/// ASCII-only mode without box drawing. Chosen by flag, environment or in the program.
package struct DisplaySettings: Sendable, Equatable {
    /// False when `NO_COLOR` is set: emphasis by bold, underline and reverse only.
    package var colour: Bool
    /// Black and white with bold and reverse, for low vision.
    package var highContrast: Bool
    /// No box-drawing or other non-ASCII drawing characters.
    package var asciiOnly: Bool
    /// Whether the terminal is asked to report clicks and the wheel. Off (`--no-mouse`), the
    /// terminal keeps the mouse for selecting text.
    package var mouse: Bool

    package init(colour: Bool = true, highContrast: Bool = false, asciiOnly: Bool = false, mouse: Bool = true) {
        self.colour = colour
        self.highContrast = highContrast
        self.asciiOnly = asciiOnly
        self.mouse = mouse
    }

    /// The drawing characters for this mode.
    package var glyphs: Glyphs { asciiOnly ? .ascii : .unicode }
}

/// Characters used to draw lines and marks; every mark is also said in words nearby.
package struct Glyphs: Sendable, Equatable {
    package let horizontal: Character
    package let vertical: Character
    package let current: String
    package let checked: String
    package let unchecked: String
    package let ellipsis: String

    package static let unicode = Glyphs(horizontal: "─", vertical: "│", current: "▶", checked: "[x]", unchecked: "[ ]", ellipsis: "…")
    package static let ascii = Glyphs(horizontal: "-", vertical: "|", current: ">", checked: "[x]", unchecked: "[ ]", ellipsis: "...")
}
