import BletherCore
import Foundation

/// What a start needs and no more: the languages there are, known from the catalogs' file
/// names without reading them; the words of one language, read alone for the first screen;
/// and the forms with only the catalogs of the language in use (`blether forms check` still
/// reads and checks them all).
///
/// ```swift
/// let language = FormLibrary.bestLanguage(for: "gd_GB.UTF-8", among: FormLibrary.languages(in: location))
/// let words = FormLibrary.catalogAlone(language: language, from: location)
/// let library = FormLibrary.load(from: location, languages: [language])
/// ```
extension FormLibrary {
    /// The languages `location` has a catalog for, from the file names (`locales/gd.yaml` is `gd`).
    package static func languages(in location: ContentLocation) -> [String] {
        yamlFiles(in: location.localesDirectory).map { $0.deletingPathExtension().lastPathComponent }
    }

    /// The best of `languages` for a locale name such as `gd_GB.UTF-8` or `en`: exact, then by
    /// language, else the reference language.
    package static func bestLanguage(for locale: String?, among languages: [String]) -> String {
        guard let locale, !locale.isEmpty else { return referenceLanguage }
        let tag = String(locale.prefix { $0 != "." }.map { $0 == "_" ? "-" : $0 })
        if languages.contains(tag) { return tag }
        let base = tag.split(separator: "-").first.map(String.init)?.lowercased() ?? ""
        return languages.sorted().first { $0.lowercased() == base || $0.lowercased().hasPrefix(base + "-") } ?? referenceLanguage
    }

    /// Every form and its costing rules, with the catalogs of `languages` and of the reference
    /// language only.
    package static func load(from location: ContentLocation, languages: [String], cache: CatalogCache? = nil) -> FormLibrary {
        let wanted = Set(languages + [referenceLanguage])
        return load(formFiles: yamlFiles(in: location.formsDirectory),
                    catalogFiles: yamlFiles(in: location.localesDirectory).filter { wanted.contains($0.deletingPathExtension().lastPathComponent) },
                    costingFiles: yamlFiles(in: location.formsDirectory.appendingPathComponent("costing")), cache: cache)
    }

    /// The words of `language` read alone, gaps filled from the reference language; nil when
    /// its catalog (or the reference's) is missing or has a problem — the full load says which.
    /// - Parameter cache: where the words as last read are kept (``CatalogCache``): used when
    ///   the catalog file is unchanged, and filled when it was read without a problem.
    package static func catalogAlone(language: String, from location: ContentLocation, cache: CatalogCache? = nil) -> Catalog? {
        func read(_ language: String) -> Catalog? {
            let (loaded, problems) = readCatalog(at: location.localesDirectory.appendingPathComponent(language + ".yaml"), cache: cache)
            return problems.isEmpty ? loaded?.catalog : nil
        }
        guard let own = read(language) else { return nil }
        guard language != referenceLanguage else { return own }
        return read(referenceLanguage).map { own.fillingGaps(from: $0) }
    }

    /// One catalog file (`locales/gd.yaml` is `gd`) and the problems reading it found: as kept in
    /// `cache` when the file is byte for byte the one it was kept from, else read from its YAML
    /// and, when no problem was found, kept.
    package static func readCatalog(at url: URL, cache: CatalogCache?) -> (LoadedCatalog?, [FormProblem]) {
        let language = url.deletingPathExtension().lastPathComponent
        let file = displayPath(url)
        do throws(FormProblem) {
            let bytes = try YAMLSource.bytes(of: url, displayPath: file)
            if let kept = cache?.loaded(language: language, file: file, source: bytes) { return (kept, []) }
            var reader = CatalogFileReader(source: try YAMLSource(bytes: bytes, displayPath: file, url: url), expectedLanguage: language)
            let loaded = reader.read()
            if let loaded, reader.problems.isEmpty { cache?.keep(loaded, language: language, source: bytes) }
            return (loaded, reader.problems)
        } catch {
            return (nil, [error])
        }
    }
}
