import Crypto
import BletherCore
import Foundation
import Synchronization

/// Every form and catalog Blether can use, read and checked together.
///
/// ```swift
/// let library = FormLibrary.load(from: location)
/// guard library.problems.isEmpty else { … }
/// let form = library.latestForm(id: "adult-good-conversation")
/// let words = library.catalog(language: "gd")
/// ```
package struct FormLibrary: Sendable {
    /// The language every other catalog is checked against, and falls back to.
    package static let referenceLanguage = "en-GB"

    package let forms: [LoadedForm]
    package let catalogs: [String: LoadedCatalog]
    /// Councils' costing rules (`forms/costing/*.yaml`).
    package var costingRules: [LoadedCostingRules] = []
    /// Every problem found, in file and line order.
    package let problems: [FormProblem]

    /// Reads the given form and catalog files and checks them against each other.
    ///
    /// - Parameters:
    ///   - isPartial: only some of the forms are given, so catalog keys of other forms are not questioned.
    ///   - cache: where catalogs as last read are kept (``CatalogCache``).
    package static func load(formFiles: [URL], catalogFiles: [URL], costingFiles: [URL] = [], isPartial: Bool = false,
                             cache: CatalogCache? = nil) -> FormLibrary {
        var problems: [FormProblem] = []
        var forms: [LoadedForm] = []
        var unreadForms = 0
        for url in formFiles {
            do {
                var reader = FormFileReader(source: try YAMLSource(contentsOf: url, displayPath: displayPath(url)))
                if let loaded = reader.read() { forms.append(loaded) } else { unreadForms += 1 }
                problems += reader.problems
            } catch {
                unreadForms += 1
                problems.append(error)
            }
        }
        // Catalogs are large and independent of each other: they are read side by side.
        let readCatalogs = Mutex<[Int: (LoadedCatalog?, [FormProblem])]>([:])
        DispatchQueue.concurrentPerform(iterations: catalogFiles.count) { index in
            let outcome = readCatalog(at: catalogFiles[index], cache: cache)
            readCatalogs.withLock { $0[index] = outcome }
        }
        var catalogs: [String: LoadedCatalog] = [:]
        for index in catalogFiles.indices {
            guard let (loaded, found) = readCatalogs.withLock({ $0[index] }) else { continue }
            if let loaded { catalogs[loaded.catalog.language] = loaded }
            problems += found
        }
        var costing: [LoadedCostingRules] = []
        for url in costingFiles {
            do {
                let source = try YAMLSource(contentsOf: url, displayPath: displayPath(url))
                var reader = CostingRulesReader(source: source, forms: forms.map(\.form))
                if var loaded = reader.read() {
                    // The hash of the bytes read, which a record signs: signing, deciding and a copy
                    // all tell the very file costed with by it.
                    loaded.rules.fileSHA256 = source.bytes.map { Array(SHA256.hash(data: $0)).hex }
                    costing.append(loaded)
                }
                problems += reader.problems
            } catch {
                problems.append(error)
            }
        }
        for index in forms.indices {
            // A conversation costs with the newest version of each rules id; older ones stay for deciding older records.
            let written = costing.filter { $0.formID == forms[index].form.id }.map(\.rules)
            forms[index].form.costingRules = Dictionary(grouping: written, by: \.id).values.compactMap { $0.max { $0.version < $1.version } }
                .sorted { $0.id < $1.id }
            if !isPartial || !costing.isEmpty { problems += FormLibrary.costingChoiceProblems(forms[index]) }
        }
        problems += FormLibrary.versionProblems(forms)
        var seenRules: [String: String] = [:]
        for loaded in costing {
            let key = "\(loaded.rules.id) version \(loaded.rules.version)"
            if let other = seenRules[key] {
                problems.append(FormProblem(file: loaded.file, line: loaded.idLine, "the rules \(key) are also in \(other)",
                                            fix: "raise the version in one of them, or remove the copy"))
            }
            seenRules[key] = loaded.file
        }
        problems += CatalogCompleteness(forms: forms.map(\.form), catalogs: catalogs,
                                        reportsUnknownForms: !isPartial && unreadForms == 0).problems()
        var library = FormLibrary(forms: forms, catalogs: catalogs, problems: problems.sorted())
        library.costingRules = costing
        return library
    }

    /// A form's choice of costing rules must list only rules written for it.
    static func costingChoiceProblems(_ loaded: LoadedForm) -> [FormProblem] {
        guard let costing = loaded.form.costing, let question = loaded.form.question(id: costing.rules) else { return [] }
        let known = loaded.form.costingRules.map(\.id)
        return question.kind.choiceIDs.filter { !known.contains($0) }.map {
            FormProblem(file: loaded.file, line: loaded.questionLines[question.id] ?? loaded.idLine,
                        "the costing rules choice '\($0)' of '\(question.id)' is not a rules file written for \(loaded.form.id)",
                        fix: known.isEmpty ? "add forms/costing/\($0).yaml with form: \(loaded.form.id)"
                            : ClosestMatch.suggestion(for: $0, among: known).map { "did you mean '\($0)'?" } ?? "use one of: \(known.joined(separator: ", "))")
        }
    }

    /// Reads every `*.yaml` in the location's forms and locales directories.
    package static func load(from location: ContentLocation, cache: CatalogCache? = nil) -> FormLibrary {
        load(formFiles: yamlFiles(in: location.formsDirectory), catalogFiles: yamlFiles(in: location.localesDirectory),
             costingFiles: yamlFiles(in: location.formsDirectory.appendingPathComponent("costing")), cache: cache)
    }

    /// The `.yaml` files directly inside `directory`, sorted by name.
    package static func yamlFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    private static func versionProblems(_ forms: [LoadedForm]) -> [FormProblem] {
        var seen: [String: LoadedForm] = [:]
        var problems: [FormProblem] = []
        for loaded in forms {
            let key = "\(loaded.form.id)@\(loaded.form.version)"
            if let first = seen[key] {
                problems.append(FormProblem(file: loaded.file, line: loaded.idLine,
                                            "version \(loaded.form.version) of '\(loaded.form.id)' is also defined in \(first.file)",
                                            fix: "raise the version of the changed form by one"))
            }
            seen[key] = loaded
        }
        return problems
    }

    /// The highest version of a form.
    package func latestForm(id: String) -> Form? {
        forms.map(\.form).filter { $0.id == id }.max { $0.version < $1.version }
    }

    package func form(id: String, version: Int) -> Form? {
        loadedForm(id: id, version: version)?.form
    }

    /// A form with the file it came from.
    package func loadedForm(id: String, version: Int) -> LoadedForm? {
        forms.first { $0.form.id == id && $0.form.version == version }
    }

    /// The newest version of each form, by id.
    package var latestForms: [Form] {
        Set(forms.map(\.form.id)).sorted().compactMap(latestForm(id:))
    }

    /// The catalog for a language with any gaps filled from the reference language;
    /// `nil` when there is no catalog for it.
    package func catalog(language: String) -> Catalog? {
        guard let own = catalogs[language]?.catalog else { return nil }
        guard language != FormLibrary.referenceLanguage, let base = catalogs[FormLibrary.referenceLanguage]?.catalog else { return own }
        return own.fillingGaps(from: base)
    }

    /// The best catalog for a locale name such as `gd_GB.UTF-8` or `en`: exact, then by language.
    package func bestLanguage(for locale: String?) -> String {
        FormLibrary.bestLanguage(for: locale, among: Array(catalogs.keys))
    }
}
