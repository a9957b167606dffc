/// The liblouis table a copy in one language is written in, and whether it is that language's
/// own braille or the closest there is (said to the worker, and in the README).
///
/// Every table is preceded by `en-us-brf.dis`, the display table that writes cells as the
/// ASCII braille a BRF file holds (North American Braille ASCII, which embossers and braille
/// displays read).
///
/// | language | table | |
/// |---|---|---|
/// | en-GB | `en-ueb-g2.ctb` | Unified English Braille, contracted (grade 2) |
/// | gd | `en-ueb-g1.ctb` | fallback: liblouis's `gd.ctb` is a 1954 eight-dot computer table, so uncontracted UEB, whose accent signs write à è ì ò ù |
/// | pl | `Pl-Pl-g1.utb` | Polish literary braille (uncontracted: liblouis has no contracted Polish) |
/// | zh-Hans | `zhcn-g1.ctb` | Chinese current braille with tones (phonetic, as Chinese braille is) |
/// | ur | `ur-pk-g2.ctb` | Urdu contracted braille, with Latin letters added for names and ids, and UEB's signs (`en-ueb-chardefs.uti`) for the Latin punctuation Urdu braille lacks: . , : < > ( / — (the Urdu table defines only ۔ ، ؟ ؛ « ») |
///
/// ```swift
/// let table = BrailleTable.best(for: "gd")   // en-ueb-g1.ctb, isFallback
/// ```
package struct BrailleTable: Sendable, Equatable {
    /// The tables as `lou_translate` takes them, comma-separated.
    package let tables: String
    /// The main table's file name, as said to the worker.
    package let name: String
    /// True when the language has no braille of its own in liblouis and this is the closest.
    package let isFallback: Bool

    package static let displayTable = "en-us-brf.dis"

    init(_ name: String, extra: [String] = [], isFallback: Bool = false) {
        self.name = name
        tables = ([BrailleTable.displayTable, name] + extra).joined(separator: ",")
        self.isFallback = isFallback
    }

    /// The best table for `language` (a catalog's tag); a language not listed gets uncontracted
    /// UEB, marked as a fallback.
    package static func best(for language: String) -> BrailleTable {
        switch language.split(separator: "-").first.map(String.init)?.lowercased() ?? "" {
        case "en": BrailleTable("en-ueb-g2.ctb")
        case "gd": BrailleTable("en-ueb-g1.ctb", isFallback: true)
        case "pl": BrailleTable("Pl-Pl-g1.utb")
        case "zh": BrailleTable("zhcn-g1.ctb")
        case "ur": BrailleTable("ur-pk-g2.ctb", extra: ["latinLetterDef6Dots.uti", "en-ueb-chardefs.uti"])
        default: BrailleTable("en-ueb-g1.ctb", isFallback: true)
        }
    }
}
