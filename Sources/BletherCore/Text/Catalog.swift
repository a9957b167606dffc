/// The words of the program in one language, by key: interface text under `ui.`,
/// form text under `forms.<form id>.` (see ``FormTextKey``).
///
/// ```swift
/// catalog.text(.progress, count: 23, ["index": "4", "total": "15"])
/// catalog.text(FormTextKey.sectionTitle(form: "adult-good-conversation", section: "strengths"))
/// ```
package struct Catalog: Sendable {
    /// BCP 47 tag, e.g. `en-GB`, `gd`.
    package let language: String
    /// The language's name in itself, e.g. `Gàidhlig`.
    package let name: String
    /// Whether a fluent speaker has reviewed the translation; `false` marks a draft.
    package let reviewed: Bool
    package let rightToLeft: Bool
    package let entries: [String: CatalogEntry]

    package init(language: String, name: String, reviewed: Bool, rightToLeft: Bool = false, entries: [String: CatalogEntry]) {
        self.language = language
        self.name = name
        self.reviewed = reviewed
        self.rightToLeft = rightToLeft
        self.entries = entries
    }

    /// This catalog with any key it lacks taken from `base`, so a gap never shows a raw key.
    package func fillingGaps(from base: Catalog) -> Catalog {
        Catalog(language: language, name: name, reviewed: reviewed, rightToLeft: rightToLeft,
                entries: entries.merging(base.entries) { own, _ in own })
    }

    package func has(_ key: String) -> Bool { entries[key] != nil }

    /// The text for `key` with `{name}` parameters filled; a missing key shows as `[key]`.
    package func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        switch entries[key] {
        case .text(let text)?: return Catalog.fill(text, arguments)
        case .plural(let forms)?: return Catalog.fill(forms[.other] ?? forms.values.first ?? "", arguments)
        case nil: return "[\(key)]"
        }
    }

    /// The plural form of `key` for `count` in this language; `{count}` is filled too.
    package func text(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        var arguments = arguments
        arguments["count"] = String(count)
        guard case .plural(let forms)? = entries[key] else { return text(key, arguments) }
        let category = PluralCategory.of(count, language: language)
        return Catalog.fill(forms[category] ?? forms[.other] ?? "", arguments)
    }

    package func text(_ key: UIText, _ arguments: [String: String] = [:]) -> String {
        text(key.key, arguments)
    }

    package func text(_ key: UIText, count: Int, _ arguments: [String: String] = [:]) -> String {
        text(key.key, count: count, arguments)
    }

    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        return fillRuns(template, arguments, inserted: []).plain
    }

    /// `template` filled, each argument named in `inserted` kept as its own run, so a document
    /// can isolate a name or an answer from the words around it (see ``DocumentText``).
    static func fillRuns(_ template: String, _ arguments: [String: String], inserted: Set<String>) -> DocumentText {
        var runs: [DocumentText.Run] = []
        var words = ""
        var name: String?
        for character in template {
            if character == "{" {
                if let pending = name { words += "{" + pending }
                name = ""
            } else if character == "}", let pending = name {
                if let value = arguments[pending], inserted.contains(pending) {
                    if !words.isEmpty { runs.append(.words(words)); words = "" }
                    runs.append(.inserted(value))
                } else {
                    words += arguments[pending] ?? "{\(pending)}"
                }
                name = nil
            } else if name != nil {
                name!.append(character)
            } else {
                words.append(character)
            }
        }
        if let pending = name { words += "{" + pending }
        if !words.isEmpty || runs.isEmpty { runs.append(.words(words)) }
        return DocumentText(runs: runs)
    }

    /// The text for `key` as a document's text, the arguments named in `inserted` (a person's
    /// name, their words) marked as inserted.
    ///
    /// ```swift
    /// catalog.document(.readbackTitle, ["person": name], inserted: ["person"])
    /// ```
    package func document(_ key: UIText, _ arguments: [String: String] = [:], inserted: Set<String> = []) -> DocumentText {
        switch entries[key.key] {
        case .text(let text)?: return Catalog.fillRuns(text, arguments, inserted: inserted)
        case .plural(let forms)?: return Catalog.fillRuns(forms[.other] ?? forms.values.first ?? "", arguments, inserted: inserted)
        case nil: return DocumentText("[\(key.key)]")
        }
    }

    /// The text for `key` with its key words marked: words between `**` and `**` in the catalog
    /// become ``DocumentText/Run/emphasised(_:)`` runs (bold on an easy-read page), the markers
    /// themselves never shown. What is inserted is never read for markers.
    ///
    /// ```swift
    /// catalog.emphasised(.easyBudget, ["amount": "£3,092.14"])   // "Your **budget** is {amount}." → "budget" in bold
    /// ```
    package func emphasised(_ key: UIText, _ arguments: [String: String] = [:], inserted: Set<String> = []) -> DocumentText {
        emphasised(document(key, arguments, inserted: inserted))
    }

    /// ``emphasised(_:_:inserted:)`` in the plural form for `count`; `{count}` is filled too.
    ///
    /// ```swift
    /// catalog.emphasised(.easyChallengeDays, count: 28)   // "You have **28 days** to ask."
    /// ```
    package func emphasised(_ key: UIText, count: Int, _ arguments: [String: String] = [:]) -> DocumentText {
        emphasised(DocumentText(text(key, count: count, arguments)))
    }

    private func emphasised(_ text: DocumentText) -> DocumentText {
        var runs: [DocumentText.Run] = []
        var bold = false
        for run in text.runs {
            guard case .words(let words) = run else { runs.append(run); continue }
            for (index, part) in words.components(separatedBy: "**").enumerated() {
                if index > 0 { bold.toggle() }
                guard !part.isEmpty else { continue }
                runs.append(bold ? .emphasised(part) : .words(part))
            }
        }
        return DocumentText(runs: runs.isEmpty ? [.words("")] : runs)
    }
}
