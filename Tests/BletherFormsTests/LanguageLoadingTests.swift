import BletherCore
import BletherForms
import Foundation
import Testing

/// A start reads only what its first screen and its language need, and finds the same words
/// and forms as reading everything does.
@Suite struct LanguageLoadingTests {
    static let location = ContentLocation.shipped(executable: URL(fileURLWithPath: #filePath))
    static let everything = FormLibrary.load(from: location)

    @Test func theLanguagesAreKnownFromTheCatalogsNames() {
        #expect(FormLibrary.languages(in: Self.location).sorted() == Self.everything.catalogs.keys.sorted())
        let languages = FormLibrary.languages(in: Self.location)
        for locale in ["gd_GB.UTF-8", "pl", "zh_CN.UTF-8", "ur_PK", "en_US.UTF-8", "C.UTF-8", nil, "fr_FR"] {
            #expect(FormLibrary.bestLanguage(for: locale, among: languages) == Self.everything.bestLanguage(for: locale), "\(locale ?? "nil")")
        }
    }

    @Test(arguments: ["en-GB", "gd", "pl", "zh-Hans", "ur"])
    func oneLanguageReadAloneHasTheSameWords(language: String) throws {
        let alone = try #require(FormLibrary.catalogAlone(language: language, from: Self.location))
        let full = try #require(Self.everything.catalog(language: language))
        for key in UIText.allCases { #expect(alone.text(key) == full.text(key), "\(language) \(key)") }

        let library = FormLibrary.load(from: Self.location, languages: [language])
        #expect(library.problems.isEmpty, "\(library.problems)")
        #expect(Set(library.catalogs.keys) == Set([language, FormLibrary.referenceLanguage]))
        #expect(library.forms.map(\.form.id) == Self.everything.forms.map(\.form.id))
        #expect(library.catalog(language: language).map { c in UIText.allCases.map { c.text($0) } } == UIText.allCases.map { full.text($0) })
    }

    @Test func aLanguageWithNoCatalogIsNotRead() {
        #expect(FormLibrary.catalogAlone(language: "xx", from: Self.location) == nil)
    }
}
