import BletherCore
import Foundation

/// `blether forms check [PATH…]`: what to read, and the report to print.
///
/// Paths may be form files, catalog files, or directories of either. When no catalogs
/// are named, the `locales/` beside the forms (or the shipped ones) are used; when no
/// forms are named, the shipped forms are used, so any file can be checked on its own.
///
/// ```swift
/// let report = FormsCheck.run(paths: ["forms/adult-good-conversation.yaml"], shipped: .shipped())
/// print(report.lines.joined(separator: "\n")); exit(report.problems.isEmpty ? 0 : 1)
/// ```
package struct FormsCheck: Sendable {
    package let library: FormLibrary

    package var problems: [FormProblem] { library.problems }

    package init(library: FormLibrary) {
        self.library = library
    }

    /// - Parameter cache: catalogs as last read (``CatalogCache``), used for the forms Blether
    ///   uses (no paths); files named by path are always read from their YAML.
    package static func run(paths: [String], shipped: ContentLocation, cache: CatalogCache? = nil) -> FormsCheck {
        if paths.isEmpty {
            return FormsCheck(library: .load(from: shipped, cache: cache))
        }
        var formFiles: [URL] = []
        var catalogFiles: [URL] = []
        var costingFiles: [URL] = []
        var missing: [FormProblem] = []
        var formsFromDirectory = false
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                missing.append(FormProblem(file: path, line: 1, "there is no such file or directory", fix: "check the path"))
                continue
            }
            var files = isDirectory.boolValue ? FormLibrary.yamlFiles(in: url) : [url]
            if isDirectory.boolValue { files += FormLibrary.yamlFiles(in: url.appendingPathComponent("costing")) }
            for file in files {
                if file.deletingLastPathComponent().lastPathComponent == "costing" {
                    costingFiles.append(file)
                } else if isCatalog(file) {
                    catalogFiles.append(file)
                } else {
                    formFiles.append(file)
                    formsFromDirectory = formsFromDirectory || isDirectory.boolValue
                }
            }
        }
        if catalogFiles.isEmpty {
            let besideForms = formFiles.first.map { $0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("locales") }
            let directory = besideForms.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil } ?? shipped.localesDirectory
            catalogFiles = FormLibrary.yamlFiles(in: directory)
        }
        // Single form files named on their own: other forms' catalog keys are not theirs to question.
        let isPartial = !formFiles.isEmpty && !formsFromDirectory
        if formFiles.isEmpty {
            formFiles = FormLibrary.yamlFiles(in: shipped.formsDirectory)
        }
        let library = FormLibrary.load(formFiles: formFiles, catalogFiles: catalogFiles, costingFiles: costingFiles, isPartial: isPartial)
        var checked = FormLibrary(forms: library.forms, catalogs: library.catalogs, problems: (library.problems + missing).sorted())
        checked.costingRules = library.costingRules
        return FormsCheck(library: checked)
    }

    /// A catalog lives in a `locales` directory or starts with `language:`.
    static func isCatalog(_ url: URL) -> Bool {
        if url.deletingLastPathComponent().lastPathComponent == "locales" { return true }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("language:") }
    }

    /// Every problem, then a summary of what was checked and each language's status.
    package var lines: [String] { lines(language: FormLibrary.referenceLanguage) }

    /// The report with refusals (``FormRefusal``) in `language`, from the catalogs just
    /// checked where they can say it, else in English.
    package func lines(language: String) -> [String] {
        let catalog = library.catalog(language: language) ?? library.catalog(language: FormLibrary.referenceLanguage)
        var lines = problems.map { $0.description(in: catalog) }
        let forms = library.forms.sorted { ($0.form.id, $0.form.version) < ($1.form.id, $1.form.version) }
        for loaded in forms {
            let questions = loaded.form.allQuestions.count
            lines.append("form \(loaded.form.id) version \(loaded.form.version): \(loaded.form.sections.count) sections, \(questions) questions (\(loaded.file))")
        }
        for loaded in library.costingRules.sorted(by: { $0.rules.id < $1.rules.id }) {
            let rules = loaded.rules
            lines.append("costing rules \(rules.id) version \(rules.version) (\(rules.council), \(rules.period.from.iso) to \(rules.period.to.iso)): "
                         + "\(rules.points.count) points rules, \(rules.bands.count) bands, \(rules.rates.count) support types (\(loaded.file))")
        }
        let expected = CatalogCompleteness(forms: library.forms.map(\.form), catalogs: library.catalogs).requiredKeys
        for loaded in library.catalogs.values.sorted(by: { $0.catalog.language < $1.catalog.language }) {
            let catalog = loaded.catalog
            let present = expected.filter { catalog.entries[$0] != nil }.count
            let status = catalog.reviewed ? "reviewed by a fluent speaker" : "DRAFT — not yet reviewed by a fluent speaker"
            lines.append("language \(catalog.language) (\(catalog.name)): \(status); \(present) of \(expected.count) required texts (\(loaded.file))")
        }
        lines.append(problems.isEmpty ? "No problems found." : "\(problems.count) problem\(problems.count == 1 ? "" : "s") found.")
        return lines
    }
}
