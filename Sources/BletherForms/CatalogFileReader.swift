import BletherCore
import Yams

/// Turns one `locales/<tag>.yaml` file into a ``LoadedCatalog``.
struct CatalogFileReader {
    let source: YAMLSource
    /// The language tag the file name promises, e.g. `gd` for `gd.yaml`.
    let expectedLanguage: String
    /// Reads each value the way every form, catalog and rules file is read, and keeps the problems.
    private var yaml: YAMLReader
    var problems: [FormProblem] { yaml.problems }
    private var entries: [String: CatalogEntry] = [:]
    private var keyLines: [String: Int] = [:]
    private var mappingLines: [String: Int] = [:]
    private var pluralLines: [String: Int] = [:]

    init(source: YAMLSource, expectedLanguage: String) {
        self.source = source
        self.expectedLanguage = expectedLanguage
        yaml = YAMLReader(file: source.file)
    }

    static let topKeys = ["language", "name", "reviewed", "direction", "ui", "forms"]

    private mutating func report(_ node: Node, _ message: String, fix: String) {
        yaml.report(node, message, fix: fix)
    }

    mutating func read() -> LoadedCatalog? {
        let root = source.root
        guard let mapping = root.mapping else {
            report(root, "a catalog must be a mapping with language, name, reviewed, ui and forms", fix: "start the file with 'language: \(expectedLanguage)'")
            return nil
        }
        yaml.checkKeys(of: root, allowed: CatalogFileReader.topKeys, in: "a catalog")
        let language = yaml.text(mapping["language"], key: "language") ?? ""
        if language.isEmpty {
            report(root, "the catalog does not say its language", fix: "add 'language: \(expectedLanguage)'")
        } else if language != expectedLanguage {
            report(mapping["language"]!, "the catalog says language '\(language)' but its file is named \(expectedLanguage).yaml",
                   fix: "name the file \(language).yaml, or correct the language")
        }
        let name = yaml.text(mapping["name"], key: "name") ?? ""
        if name.isEmpty { report(root, "the catalog does not give its language's name", fix: "add 'name:' with the language's name in itself, such as Gàidhlig") }
        let reviewed = yaml.bool(mapping["reviewed"], key: "reviewed") ?? false
        if mapping["reviewed"] == nil {
            report(root, "the catalog must say whether a fluent speaker has reviewed it",
                   fix: "add 'reviewed: false' for a draft translation, or 'reviewed: true' once a fluent speaker has checked it")
        }
        var rightToLeft = false
        switch yaml.text(mapping["direction"], key: "direction") {
        case nil, "ltr": rightToLeft = false
        case "rtl": rightToLeft = true
        case let other?:
            report(mapping["direction"]!, "direction '\(other)' is not known", fix: "write direction: ltr or direction: rtl")
        }
        for section in ["ui", "forms"] {
            guard let node = mapping[section] else {
                report(root, "the catalog has no '\(section)' mapping", fix: "add '\(section):' with its keys")
                continue
            }
            flatten(node, prefix: section)
        }
        let catalog = Catalog(language: language.isEmpty ? expectedLanguage : language, name: name, reviewed: reviewed,
                              rightToLeft: rightToLeft, entries: entries)
        return LoadedCatalog(catalog: catalog, file: source.file, keyLines: keyLines, mappingLines: mappingLines, pluralLines: pluralLines)
    }

    private mutating func flatten(_ node: Node, prefix: String) {
        switch node {
        case .scalar(let scalar):
            // Spaces, tabs or line breaks alone are no text (checked letter by letter: this runs
            // for every entry of the catalog read before the first screen).
            if scalar.string.allSatisfy(\.isWhitespace) {
                report(node, "'\(prefix)' is empty", fix: "write its text, or remove the key")
            }
            entries[prefix] = .text(scalar.string)
            keyLines[prefix] = node.line
        case .mapping:
            let pairs = node.stringPairs!
            let categories = Set(pairs.map(\.key))
            if !categories.isEmpty, categories.contains("other"), categories.isSubset(of: Set(PluralCategory.allCases.map(\.rawValue))) {
                var forms: [PluralCategory: String] = [:]
                for pair in pairs { forms[PluralCategory(rawValue: pair.key)!] = yaml.text(pair.value, key: prefix + "." + pair.key) ?? "" }
                entries[prefix] = .plural(forms)
                keyLines[prefix] = pairs.first?.keyNode.line ?? node.line
                pluralLines[prefix] = keyLines[prefix]
                return
            }
            mappingLines[prefix] = max(1, node.line - 1)
            for pair in pairs {
                guard !pair.key.isEmpty else { continue }
                let key = prefix + "." + pair.key
                if case .scalar = pair.value { keyLines[key] = pair.keyNode.line }
                flatten(pair.value, prefix: key)
            }
        case .sequence:
            report(node, "'\(prefix)' is a list, but catalog entries are text", fix: "write it as text, or as a mapping of plural forms (one, other, …)")
        case .alias:
            report(node, "'\(prefix)' uses a YAML alias", fix: "write the text out in full")
        }
    }
}
