import BletherCore
import BletherForms
import Testing

@Suite struct ShippedFormsTests {
    let library = FormLibrary.load(from: FormFixture.shipped)

    @Test func shippedFormsAndCatalogsAreClean() {
        #expect(library.problems.map(\.description) == [])
        #expect(Set(library.catalogs.keys) == ["en-GB", "gd", "pl", "zh-Hans", "ur"])
        #expect(library.catalogs["ur"]?.catalog.rightToLeft == true)
    }

    @Test func adultFormHasTheFifteenStepsInOrder() throws {
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        #expect(form.sections.map(\.id) == [
            "about", "what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks",
            "outcomes", "costing", "arranging-support", "decision", "review-plan", "agreement", "signing",
        ])
    }

    @Test func costingOptionAndDecisionWaitForStepsTwoToNine() throws {
        let form = try #require(library.latestForm(id: "adult-good-conversation"))
        let assetSections: Set = ["what-matters", "strengths", "natural-supports", "technology", "community", "money-and-home", "risks", "outcomes"]
        for id in ["costing", "arranging-support", "decision"] {
            let section = try #require(form.section(id: id))
            #expect(assetSections.isSubset(of: Set(section.gate)), "\(id) must wait for steps 2–9")
        }
        let session = Session(form: form)
        #expect(session.state(of: form.section(id: "costing")!) == .locked(needing: form.sections[1...8].map(\.id)))
    }

    @Test func gaelicIsMarkedAsADraftAndSaysSo() throws {
        let gaelic = try #require(library.catalogs["gd"])
        #expect(gaelic.catalog.reviewed == false)
        let report = FormsCheck(library: library).lines
        #expect(report.contains { $0.hasPrefix("language gd (Gàidhlig): DRAFT — not yet reviewed by a fluent speaker") })
        #expect(report.contains { $0.hasPrefix("language en-GB (English (UK)): reviewed by a fluent speaker") })
    }

    @Test func everyInterfaceTextExistsInEveryLanguage() throws {
        for (language, loaded) in library.catalogs {
            let missing = UIText.allCases.map(\.key).filter { !loaded.catalog.has($0) }
            #expect(missing == [], "\(language) lacks these interface texts")
        }
    }

    @Test func outcomesReviewAsksWhetherOutcomesWereMet() throws {
        let form = try #require(library.latestForm(id: "outcomes-review"))
        #expect(form.question(id: "overall")?.kind.choiceIDs == ["met", "partly-met", "not-met"])
        #expect(form.section(id: "agreement")?.allowsNothingHere == false)
    }

    @Test func picksALanguageFromTheLocale() {
        #expect(library.bestLanguage(for: "gd_GB.UTF-8") == "gd")
        #expect(library.bestLanguage(for: "en_GB.UTF-8") == "en-GB")
        #expect(library.bestLanguage(for: "C.UTF-8") == "en-GB")
        #expect(library.bestLanguage(for: nil) == "en-GB")
    }
}
