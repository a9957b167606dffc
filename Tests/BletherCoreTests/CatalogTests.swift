import BletherCore
import Testing

@Suite struct CatalogTests {
    let gaelic = Catalog(language: "gd", name: "Gàidhlig", reviewed: false, entries: [
        "ui.progress": .plural([.one: "{count} fhreagairt (1)", .two: "{count} fhreagairt (2)", .few: "{count} freagairtean", .other: "{count} freagairt"]),
    ])

    @Test(arguments: [(1, "1 fhreagairt (1)"), (11, "11 fhreagairt (1)"), (2, "2 fhreagairt (2)"), (12, "12 fhreagairt (2)"),
                      (3, "3 freagairtean"), (19, "19 freagairtean"), (20, "20 freagairt"), (0, "0 freagairt")])
    func gaelicPluralsFollowCLDR(count: Int, expected: String) {
        #expect(gaelic.text("ui.progress", count: count) == expected)
    }

    @Test func englishAndPolishPlurals() {
        #expect(PluralCategory.of(1, language: "en-GB") == .one)
        #expect(PluralCategory.of(0, language: "en-GB") == .other)
        #expect(PluralCategory.of(22, language: "pl") == .few)
        #expect(PluralCategory.of(12, language: "pl") == .many)
        #expect(PluralCategory.of(5, language: "zh-Hans") == .other)
    }

    @Test func fillsParametersAndShowsMissingKeys() {
        let english = Catalog(language: "en-GB", name: "English", reviewed: true, entries: [
            "ui.greeting": .text("Hello {name}, {unknown}"),
            "ui.only-english": .text("Only in English"),
        ])
        #expect(english.text("ui.greeting", ["name": "Morag"]) == "Hello Morag, {unknown}")
        #expect(english.text("ui.nowhere") == "[ui.nowhere]")
        #expect(gaelic.fillingGaps(from: english).text("ui.only-english") == "Only in English")
        #expect(CatalogEntry.text("{a} and {b}").parameterNames == ["a", "b"])
    }

    @Test func formKeysCoverEveryWordOfAForm() {
        let keys = FormTextKey.requiredKeys(for: SampleForm.form)
        #expect(keys.contains("forms.sample.sections.costing.intro"))
        #expect(keys.contains("forms.sample.questions.present.choices.carer"))
        #expect(keys.contains("forms.sample.questions.contribution.constraint"))
        #expect(!keys.contains("forms.sample.questions.budget.constraint"))
    }
}
