/// How the full-screen program draws: colour or not, the high-contrast theme, and an
/// ASCII-only mode without box drawing. Chosen by flag, environment or in the program.
public struct DisplaySettings: Sendable, Equatable {
    /// False when `NO_COLOR` is set: emphasis by bold, underline and reverse only.
    public var colour: Bool
    /// Black and white with bold and reverse, for low vision.
    public var highContrast: Bool
    /// No box-drawing or other non-ASCII drawing characters.
    public var asciiOnly: Bool

    public init(colour: Bool = true, highContrast: Bool = false, asciiOnly: Bool = false) {
        self.colour = colour
        self.highContrast = highContrast
        self.asciiOnly = asciiOnly
    }

    /// The drawing characters for this mode.
    public var glyphs: Glyphs { asciiOnly ? .ascii : .unicode }
}

/// Characters used to draw lines and marks; every mark is also said in words nearby.
public struct Glyphs: Sendable, Equatable {
    public let horizontal: Character
    public let vertical: Character
    public let current: String
    public let checked: String
    public let unchecked: String
    public let ellipsis: String

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", current: "▶", checked: "[x]", unchecked: "[ ]", ellipsis: "…")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", current: ">", checked: "[x]", unchecked: "[ ]", ellipsis: "...")
}
