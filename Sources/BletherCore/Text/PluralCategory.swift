/// The CLDR plural categories a catalog entry can give forms for.
package enum PluralCategory: String, Sendable, CaseIterable, Codable {
    case zero, one, two, few, many, other

    /// The categories a language uses for whole numbers, per CLDR.
    package static func categories(for language: String) -> [PluralCategory] {
        switch PluralCategory.baseLanguage(language) {
        case "gd": [.one, .two, .few, .other]
        case "pl": [.one, .few, .many, .other]
        case "zh", "ja", "ko": [.other]
        default: [.one, .other]
        }
    }

    /// The category of a whole number `count` in `language`, per CLDR.
    ///
    /// ```swift
    /// PluralCategory.of(12, language: "gd")   // .two
    /// ```
    package static func of(_ count: Int, language: String) -> PluralCategory {
        let n = count.magnitude
        switch PluralCategory.baseLanguage(language) {
        case "gd":
            if n == 1 || n == 11 { return .one }
            if n == 2 || n == 12 { return .two }
            if (3...10).contains(n) || (13...19).contains(n) { return .few }
            return .other
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
            return .many
        case "zh", "ja", "ko":
            return .other
        default:
            return n == 1 ? .one : .other
        }
    }

    static func baseLanguage(_ tag: String) -> String {
        String(tag.split(separator: "-").first ?? "").lowercased()
    }
}
