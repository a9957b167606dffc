import BletherCore
@testable import BletherForms
import Foundation
import Testing

/// The words kept in the data directory are used only while the catalog is unchanged, whole
/// and read without a problem; anything else is read from the YAML again, as without a cache.
@Suite struct CatalogCacheTests {
    /// A copy of the shipped locales, a data directory beside them, and the cache in it.
    struct Place {
        let root: URL
        let location: ContentLocation
        let cache: CatalogCache

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-cache-\(UUID().uuidString)")
            let shipped = LanguageLoadingTests.location
            let locales = root.appendingPathComponent("locales")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: shipped.localesDirectory, to: locales)
            let data = root.appendingPathComponent("data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            location = ContentLocation(formsDirectory: shipped.formsDirectory, localesDirectory: locales)
            cache = CatalogCache(directory: data.appendingPathComponent("cache"))
        }

        func catalogFile(_ language: String) -> URL { location.localesDirectory.appendingPathComponent(language + ".yaml") }
        func source(_ language: String) throws -> Data { try Data(contentsOf: catalogFile(language)) }
        func words(_ language: String) -> Catalog? { FormLibrary.catalogAlone(language: language, from: location, cache: cache) }
    }

    static func same(_ one: Catalog?, _ other: Catalog?) -> Bool {
        guard let one, let other else { return one == nil && other == nil }
        return one.language == other.language && one.name == other.name && one.reviewed == other.reviewed
            && one.rightToLeft == other.rightToLeft && one.entries == other.entries
    }

    /// `catalog` with the passphrase prompt reworded, kept as if read from `language`'s file.
    static func planted(in place: Place, language: String, prompt: String) throws {
        let kept = try #require(place.cache.loaded(language: language, file: "kept", source: try place.source(language)))
        let read = kept.catalog
        var entries = read.entries
        entries[UIText.signPassphrase.key] = .text(prompt)
        let changed = Catalog(language: read.language, name: read.name, reviewed: read.reviewed, rightToLeft: read.rightToLeft, entries: entries)
        let planted = LoadedCatalog(catalog: changed, file: kept.file, keyLines: kept.keyLines, mappingLines: kept.mappingLines, pluralLines: kept.pluralLines)
        try CatalogCache.encode(planted, source: try place.source(language)).write(to: place.cache.file(language: language))
    }

    @Test(arguments: ["en-GB", "gd", "ur"])
    func aCatalogReadOnceIsKeptAndGivesTheSameWords(language: String) throws {
        let place = try Place()
        let read = try #require(place.words(language))
        #expect(FileManager.default.fileExists(atPath: place.cache.file(language: language).path))
        #expect(FileManager.default.fileExists(atPath: place.cache.file(language: FormLibrary.referenceLanguage).path))
        #expect(Self.same(place.words(language), read))
        #expect(Self.same(read, FormLibrary.catalogAlone(language: language, from: place.location)))
        // The words really come from the kept file while the catalog is unchanged.
        try Self.planted(in: place, language: language, prompt: "Kept words")
        #expect(place.words(language)?.text(.signPassphrase) == "Kept words")
    }

    @Test func aChangedCatalogIsReadAgainAndKeptAnew() throws {
        let place = try Place()
        _ = try #require(place.words("en-GB"))
        try Self.planted(in: place, language: "en-GB", prompt: "Kept words")
        var text = try String(contentsOf: place.catalogFile("en-GB"), encoding: .utf8)
        text += "\n# one more line\n"
        try text.write(to: place.catalogFile("en-GB"), atomically: true, encoding: .utf8)
        let fresh = try #require(place.words("en-GB"))
        #expect(fresh.text(.signPassphrase) != "Kept words")
        #expect(Self.same(place.cache.loaded(language: "en-GB", file: "en-GB.yaml", source: try place.source("en-GB"))?.catalog, fresh))
    }

    @Test func aDamagedOrForeignKeptFileIsPassedOver() throws {
        let place = try Place()
        let truth = try #require(place.words("gd"))
        let file = place.cache.file(language: "gd")
        let kept = try Data(contentsOf: file)
        var damaged = kept
        damaged[damaged.count - 3] ^= 0x20
        for bad in [damaged, kept.prefix(kept.count / 2), Data(), Data("BLETHER-CATALOG 9\n".utf8) + kept.dropFirst(18),
                    try Data(contentsOf: place.cache.file(language: "en-GB"))] {
            try bad.write(to: file)
            #expect(Self.same(place.words("gd"), truth))
        }
    }

    /// A pipe left where a kept file belongs would hold up every start; a link would read a file
    /// outside the folder. Neither is read: the words come from the YAML.
    @Test(.timeLimit(.minutes(1))) func aPipeOrALinkWhereAKeptFileBelongsIsNotRead() throws {
        let place = try Place()
        let truth = try #require(place.words("en-GB"))
        let file = place.cache.file(language: "en-GB")
        try Self.planted(in: place, language: "en-GB", prompt: "Kept words")
        let elsewhere = place.root.appendingPathComponent("elsewhere.catalog")
        try FileManager.default.moveItem(at: file, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: file, withDestinationURL: elsewhere)
        #expect(Self.same(place.words("en-GB"), truth), "the link is not followed")
        try FileManager.default.removeItem(at: file)
        #expect(mkfifo(file.path, 0o600) == 0)
        #expect(Self.same(place.words("en-GB"), truth), "the pipe is not opened")
    }

    /// A `cache` that is a link would lead the kept catalogs out of the data directory: nothing is written through it.
    @Test func nothingIsKeptThroughALinkedCacheFolder() throws {
        let place = try Place()
        let outside = place.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: place.cache.directory, withDestinationURL: outside)
        #expect(place.words("en-GB") != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aCatalogWithAProblemIsNeverKept() throws {
        let place = try Place()
        var text = try String(contentsOf: place.catalogFile("pl"), encoding: .utf8)
        text = text.replacingOccurrences(of: "language: pl", with: "language: gd")
        try text.write(to: place.catalogFile("pl"), atomically: true, encoding: .utf8)
        #expect(place.words("pl") == nil)
        #expect(!FileManager.default.fileExists(atPath: place.cache.file(language: "pl").path))
    }

    /// `blether forms check` and every start check the forms against kept catalogs: the same
    /// problems, at the same lines, as reading every catalog from its YAML.
    @Test func theFormsAreCheckedAgainstKeptCatalogsAsAgainstTheirYAML() throws {
        let place = try Place()
        // A translation that lacks one text and has one no form uses: problems found only by
        // checking the catalogs against the forms, not by reading the catalog.
        var text = try String(contentsOf: place.catalogFile("gd"), encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("  keys.ask-name:") })
        text = text.replacingOccurrences(of: line + "\n", with: "  sign.no-such-text: \"Chan eil\"\n")
        try text.write(to: place.catalogFile("gd"), atomically: true, encoding: .utf8)
        let uncached = FormLibrary.load(from: place.location)
        #expect(!uncached.problems.isEmpty)
        let filling = FormLibrary.load(from: place.location, cache: place.cache)
        #expect(FileManager.default.fileExists(atPath: place.cache.file(language: "gd").path))
        try Self.planted(in: place, language: "gd", prompt: "Kept words for {name}")
        let kept = FormLibrary.load(from: place.location, cache: place.cache)
        #expect(kept.catalog(language: "gd")?.text(.signPassphrase, ["name": "Ailsa"]) == "Kept words for Ailsa", "the kept catalog was used")
        for library in [filling, kept] {
            #expect(library.problems.map(\.description) == uncached.problems.map(\.description))
        }
    }

    @Test func nothingIsMadeWhereThereIsNoDataDirectory() throws {
        let place = try Place()
        let nowhere = CatalogCache(directory: place.root.appendingPathComponent("missing/cache"))
        #expect(FormLibrary.catalogAlone(language: "en-GB", from: place.location, cache: nowhere) != nil)
        #expect(!FileManager.default.fileExists(atPath: place.root.appendingPathComponent("missing").path))
    }

    @Test func everyCutOfAKeptFileIsRefusedWithoutReadingPastIt() throws {
        let place = try Place()
        _ = try #require(place.words("zh-Hans"))
        let source = try place.source("zh-Hans")
        let kept = try Data(contentsOf: place.cache.file(language: "zh-Hans"))
        #expect(CatalogCache.decode(kept, source: source, file: "zh-Hans.yaml") != nil)
        for length in stride(from: 0, to: kept.count, by: 97) {
            #expect(CatalogCache.decode(kept.prefix(length), source: source, file: "zh-Hans.yaml") == nil)
        }
        #expect(CatalogCache.decode(kept, source: source + Data([0x0A]), file: "zh-Hans.yaml") == nil)
    }
}
