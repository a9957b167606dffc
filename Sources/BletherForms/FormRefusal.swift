import BletherCore

/// A file refused whole before it could do harm — nested past a limit, or repeating
/// itself through YAML aliases — said in the reader's language through the catalogs.
///
/// ```swift
/// FormProblem(file: "forms/a.yaml", line: 12, refusal: .conditionTooDeep(key: "relevant"))
///     .description(in: catalog)   // "forms/a.yaml:12: too deeply nested — relevant goes more than 100 deep …"
/// ```
package enum FormRefusal: Sendable, Equatable {
    /// A `relevant`, `constraint` or `when` condition deeper than ``Condition/maximumDepth``.
    case conditionTooDeep(key: String)
    /// YAML nested deeper than ``YAMLSource/maximumDepth``.
    case yamlTooDeep
    /// YAML whose aliases (`*name`) make it far larger than its own text.
    case aliasesRepeat

    var messageText: UIText {
        switch self {
        case .conditionTooDeep, .yamlTooDeep: .checkTooDeeplyNested
        case .aliasesRepeat: .checkAliasesRepeat
        }
    }

    var fixText: UIText {
        switch self {
        case .conditionTooDeep: .checkTooDeeplyNestedConditionFix
        case .yamlTooDeep: .checkTooDeeplyNestedYAMLFix
        case .aliasesRepeat: .checkAliasesRepeatFix
        }
    }

    var arguments: [String: String] {
        switch self {
        case .conditionTooDeep(let key): ["key": key, "limit": String(Condition.maximumDepth)]
        case .yamlTooDeep: ["limit": String(YAMLSource.maximumDepth)]
        case .aliasesRepeat: [:]
        }
    }

    /// The words in `catalog`, or in English when it lacks them (a catalog being checked may be the broken file).
    func words(in catalog: Catalog?) -> (message: String, fix: String) {
        let words = catalog.flatMap { $0.has(messageText.key) && $0.has(fixText.key) ? $0 : nil } ?? FormRefusal.englishCatalog
        return (words.text(messageText, arguments), words.text(fixText, arguments))
    }

    static let englishCatalog = Catalog(language: FormLibrary.referenceLanguage, name: "English (UK)", reviewed: true,
                                        entries: Dictionary(uniqueKeysWithValues: english.map { ($0.key.key, CatalogEntry.text($0.value)) }))

    /// The en-GB words, for when no catalog can be read; a test keeps them equal to `locales/en-GB.yaml`.
    static let english: [UIText: String] = [
        .checkTooDeeplyNested: "too deeply nested",
        .checkTooDeeplyNestedConditionFix: "{key} goes more than {limit} deep (each bracket, not, and, or counts one): write it more simply, or split the question in two",
        .checkTooDeeplyNestedYAMLFix: "nothing in this file may go more than {limit} levels deep: look for a bracket that is never closed or indentation that keeps growing",
        .checkAliasesRepeat: "YAML aliases (*name) repeat parts of this file far beyond its own size",
        .checkAliasesRepeatFix: "write each part out in full, without & and * (Blether's files do not use aliases)",
    ]
}
