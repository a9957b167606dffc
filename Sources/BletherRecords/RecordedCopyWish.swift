import BletherCore
import Foundation

/// What the person said, as signed, about the copy they want: the formats (the question the
/// form names `copy-format` in its `roles:`, when the one named `copy-wanted` is yes) and the
/// language, in their own words (`copy-language`, a line such as "Gaelic", "polski" or "اردو").
///
/// ```swift
/// let wish = RecordedCopyWish(content.session)
/// wish?.formats                                               // [.largePrint, .pdf]
/// wish?.language(among: ["en-GB", "gd", "pl"])                  // "gd" for "Gaelic"
/// ```
package struct RecordedCopyWish: Sendable, Equatable {
    /// The ids of the choices recorded (`large-print`, …), in the form's order.
    package let choices: [String]
    /// The language asked for, as it was written; nil when none was.
    package let languageAnswer: String?

    /// The wish recorded in `session`; nil when the person did not ask for a copy, or the form
    /// names no question for it.
    package init?(_ session: Session) {
        func answer(_ role: FormRole) -> AnswerValue? { session.form.roles[role].flatMap { session.answers[$0]?.value } }
        guard case .yesNo(true)? = answer(.copyWanted) else { return nil }
        switch answer(.copyFormat) {
        case .choice(let id?, _)?: choices = [id]
        case .choices(let ids, _)?: choices = ids
        default: choices = []
        }
        if case .text(let words)? = answer(.copyLanguage), !words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            languageAnswer = words.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            languageAnswer = nil
        }
    }

    /// Every format that gives the person what they asked for, each once, in ``CopyFormat``'s order.
    package var formats: [CopyFormat] { Array(Set(choices.flatMap(CopyFormat.wanted(byRecordedChoice:)))).sorted() }

    /// The one of `languages` (catalog tags) the recorded language names, or nil when it names
    /// none or more than one. A language is known by its tag (`gd`, `zh-Hans`), by its name in
    /// itself or in any of `languages` ("Gàidhlig", "Scottish Gaelic", "Gaelic", "polski",
    /// "Polish", "中文", "Chinese"), case, accents and a word like "please" around it aside.
    package func language(among languages: [String]) -> String? {
        guard let answer = languageAnswer else { return nil }
        let said = RecordedCopyWish.words(answer)
        guard !said.isEmpty else { return nil }
        let matches = languages.filter { tag in
            RecordedCopyWish.names(of: tag, in: languages).contains { name in
                let named = RecordedCopyWish.words(name)
                return !named.isEmpty && (RecordedCopyWish.contains(said, named) || RecordedCopyWish.contains(named, said))
            }
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// What `tag` is called: the tag, its language code, and its name in each of `languages` and in itself.
    static func names(of tag: String, in languages: [String]) -> [String] {
        let base = tag.split(separator: "-").first.map(String.init) ?? tag
        var names = [tag, base]
        for language in languages + [tag] {
            let locale = Locale(identifier: language)
            if let name = locale.localizedString(forLanguageCode: base) { names.append(name) }
            if let name = locale.localizedString(forIdentifier: tag) { names.append(name) }
        }
        return names
    }

    /// The words of `text`, folded for comparing: lower case, accents off, split at anything
    /// that is not a letter or digit (so "Gàidhlig (Scottish Gaelic)" is four words).
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                // Chinese and Japanese are written without spaces: each character is a word.
                if character.unicodeScalars.first.map({ (0x3400...0x9FFF).contains($0.value) }) == true {
                    if !current.isEmpty { words.append(current); current = "" }
                    words.append(String(character))
                } else {
                    current.append(character)
                }
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether `whole` holds `part` as consecutive words.
    static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        return (0...(whole.count - part.count)).contains { Array(whole[$0..<($0 + part.count)]) == part }
    }
}
