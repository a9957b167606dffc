/// Words a council writes in its rules file (a support type's name, how to challenge a
/// decision, what a budget may be spent on), in one or more languages.
///
/// ```swift
/// let appeal = CouncilText(["en-GB": "Write to …", "gd": "Sgrìobh gu …"])
/// appeal.text(language: "gd-GB")   // the Gaelic words; English where there are none
/// ```
package struct CouncilText: Sendable, Equatable, Hashable {
    /// Words by language tag.
    package let texts: [String: String]

    package init(_ texts: [String: String]) {
        self.texts = texts
    }

    /// The same words in every language.
    package init(_ text: String) {
        texts = ["en-GB": text]
    }

    package var isEmpty: Bool { texts.values.allSatisfy(\.isEmpty) }

    /// Whether the council wrote these words in `language` (or its base language), rather
    /// than leaving ``text(language:)`` to fall back to English.
    package func speaks(_ language: String) -> Bool {
        let base = language.split(separator: "-").first.map(String.init) ?? language
        return texts[language] != nil || texts.keys.contains { $0 == base || $0.hasPrefix(base + "-") }
    }

    /// The words in `language`, else its base language, else British English, else any.
    package func text(language: String) -> String {
        if let exact = texts[language] { return exact }
        let base = language.split(separator: "-").first.map(String.init) ?? language
        if let match = texts.first(where: { $0.key == base || $0.key.hasPrefix(base + "-") }) { return match.value }
        return texts["en-GB"] ?? texts.sorted { $0.key < $1.key }.first?.value ?? ""
    }
}
