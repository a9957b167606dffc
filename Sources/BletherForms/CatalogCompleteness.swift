import BletherCore

/// Checks every catalog against the interface keys, the forms and the reference language:
/// missing and unknown keys, parameters that differ, and plural forms a language needs.
struct CatalogCompleteness {
    let forms: [Form]
    let catalogs: [String: LoadedCatalog]
    /// Whether keys of forms that were not read are reported as unknown; off when only
    /// some forms are checked, or when a form file was too broken to read.
    var reportsUnknownForms = true

    /// Keys every catalog must have.
    let requiredKeys: Set<String>
    /// Keys a catalog may have.
    let allowedKeys: Set<String>

    init(forms: [Form], catalogs: [String: LoadedCatalog], reportsUnknownForms: Bool = true) {
        self.forms = forms
        self.catalogs = catalogs
        self.reportsUnknownForms = reportsUnknownForms
        requiredKeys = Set(UIText.allCases.map(\.key)).union(forms.flatMap(FormTextKey.requiredKeys(for:)))
        allowedKeys = requiredKeys.union(forms.flatMap(FormTextKey.optionalKeys(for:)))
    }

    func problems() -> [FormProblem] {
        var problems: [FormProblem] = []
        let reference = catalogs[FormLibrary.referenceLanguage]
        if reference == nil && !catalogs.isEmpty {
            problems.append(FormProblem(file: catalogs.values.map(\.file).sorted().first ?? "locales", line: 1,
                                        "there is no \(FormLibrary.referenceLanguage) catalog to check the others against",
                                        fix: "add locales/\(FormLibrary.referenceLanguage).yaml"))
        }
        let allowed = allowedKeys
        for loaded in catalogs.values.sorted(by: { $0.catalog.language < $1.catalog.language }) {
            let catalog = loaded.catalog
            let isReference = catalog.language == FormLibrary.referenceLanguage
            let expected = isReference || reference == nil
                ? requiredKeys
                : requiredKeys.union(Set(reference!.catalog.entries.keys).intersection(allowed))
            for key in expected.subtracting(catalog.entries.keys).sorted() {
                let english = reference.flatMap { isReference ? nil : $0.catalog.entries[key] }.map { " (in \(FormLibrary.referenceLanguage): \"\(CatalogCompleteness.preview($0))\")" } ?? ""
                problems.append(FormProblem(file: loaded.file, line: loaded.line(for: key), "\(catalog.language) has no text for '\(key)'\(english)",
                                            fix: "add the key with its text in this language"))
            }
            let loadedFormIDs = Set(forms.map(\.id))
            for key in Set(catalog.entries.keys).subtracting(allowed).sorted() {
                let formID = key.hasPrefix("forms.") ? key.split(separator: ".").dropFirst().first.map(String.init) : nil
                if let formID, !loadedFormIDs.contains(formID), !reportsUnknownForms { continue }
                let near = ClosestMatch.suggestion(for: key, among: Array(allowed))
                problems.append(FormProblem(file: loaded.file, line: loaded.line(for: key), "'\(key)' is not a key Blether uses",
                                            fix: near.map { "did you mean '\($0)'?" } ?? "remove it, or check the form and question ids in the key"))
            }
            problems += pluralProblems(loaded)
            problems += togetherProblems(loaded)
            if !isReference, let reference {
                let pluralCategories = PluralCategory.categories(for: catalog.language).count
                for (key, entry) in catalog.entries {
                    guard let english = reference.catalog.entries[key] else { continue }
                    let englishNames = english.parameterNames, names = entry.parameterNames
                    let missing = englishNames.subtracting(names)
                    let extra = names.subtracting(englishNames)
                    if !missing.isEmpty || !extra.isEmpty {
                        let detail = (missing.sorted().map { "{\($0)} is missing" } + extra.sorted().map { "{\($0)} is not known" }).joined(separator: ", ")
                        problems.append(FormProblem(file: loaded.file, line: loaded.line(for: key), "'\(key)': \(detail)",
                                                    fix: "use the same {names} as \(FormLibrary.referenceLanguage): \(englishNames.sorted().map { "{\($0)}" }.joined(separator: " "))"))
                    }
                    if case .plural = english, case .text = entry, pluralCategories > 1 {
                        problems.append(FormProblem(file: loaded.file, line: loaded.line(for: key), "'\(key)' needs a form for each plural category",
                                                    fix: "write it as a mapping with \(PluralCategory.categories(for: catalog.language).map(\.rawValue).joined(separator: ", "))"))
                    }
                }
            }
        }
        return problems
    }

    /// Optional keys a kind wants together (a scale's two ends): one given without the others.
    private func togetherProblems(_ loaded: LoadedCatalog) -> [FormProblem] {
        var problems: [FormProblem] = []
        for form in forms {
            for question in form.allQuestions {
                for group in question.kind.optionalTextKeys(form: form.id, question: question.id) {
                    let given = group.filter { loaded.catalog.entries[$0] != nil }
                    guard let first = given.first, given.count < group.count else { continue }
                    let missing = group.filter { loaded.catalog.entries[$0] == nil }
                    problems.append(FormProblem(file: loaded.file, line: loaded.line(for: first),
                                                "'\(first)' is given without '\(missing.joined(separator: "', '"))'",
                                                fix: "give both, or neither"))
                }
            }
        }
        return problems
    }

    private func pluralProblems(_ loaded: LoadedCatalog) -> [FormProblem] {
        let needed = PluralCategory.categories(for: loaded.catalog.language)
        var problems: [FormProblem] = []
        for (key, entry) in loaded.catalog.entries {
            guard case .plural(let forms) = entry else { continue }
            let missing = needed.filter { forms[$0] == nil }
            let extra = forms.keys.filter { !needed.contains($0) }.sorted { $0.rawValue < $1.rawValue }
            if !missing.isEmpty || !extra.isEmpty {
                var parts: [String] = []
                if !missing.isEmpty { parts.append("lacks \(missing.map(\.rawValue).joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("has \(extra.map(\.rawValue).joined(separator: ", ")), which \(loaded.catalog.language) does not use") }
                problems.append(FormProblem(file: loaded.file, line: loaded.line(for: key), "the plural '\(key)' \(parts.joined(separator: " and "))",
                                            fix: "\(loaded.catalog.language) uses exactly: \(needed.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        return problems
    }

    static func preview(_ entry: CatalogEntry) -> String {
        let text: String
        switch entry {
        case .text(let value): text = value
        case .plural(let forms): text = forms[.other] ?? ""
        }
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }
}
