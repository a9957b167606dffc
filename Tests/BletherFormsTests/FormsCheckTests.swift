import BletherForms
import Testing

/// Each broken copy of the shipped files must be reported with its file and line.
@Suite struct FormsCheckTests {
    let adult = "forms/adult-good-conversation.yaml"

    func descriptions(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
    }

    @Test func brokenYAMLNamesTheLine() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "      - id: good-life\n", with: "      - id: good-life\n     bad: [\n")
        let line = try fixture.line(of: "bad: [", in: adult)
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("\(adult):\(line + 1): broken YAML") || $0.hasPrefix("\(adult):\(line): broken YAML") }, "\(problems)")
    }

    @Test func unknownKindSuggestsTheNearestOne() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "kind: yesno", with: "kind: yesnoo")
        let line = try fixture.line(of: "kind: yesnoo", in: adult)
        #expect(descriptions(fixture) == ["\(adult):\(line): 'yesnoo' is not a kind of question — did you mean 'yesno'? Otherwise use one of: text, line, choice, choices, number, money, date, yesno, people, outcomes, support-plan, scale"])
    }

    @Test func duplicateIdsAreReported() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "      - id: interests\n", with: "      - id: skills\n")
        try fixture.edit(adult, replacing: "  - id: technology\n", with: "  - id: community\n")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.contains("the question id 'skills' is used more than once") })
        let line = try fixture.line(of: "  - id: community", in: adult)
        #expect(problems.contains { $0.hasPrefix("\(adult):") && $0.contains("the section id 'community' is used twice (first on line \(line))") })
    }

    @Test func gatesAndConditionsMustNameWhatExists() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "gate: [outcomes]", with: "gate: [outcome]")
        try fixture.edit(adult, replacing: "relevant: decision-question = yes", with: "relevant: decisions-question = yes")
        let problems = descriptions(fixture)
        let gateLine = try fixture.line(of: "  - id: review-plan", in: adult)
        #expect(problems.contains { $0.hasPrefix("\(adult):\(gateLine): the gate of 'review-plan' names 'outcome'") && $0.contains("did you mean 'outcomes'?") })
        #expect(problems.contains { $0.contains("the condition names 'decisions-question'") && $0.hasSuffix("did you mean 'decision-question'?") })
    }

    @Test func conditionSyntaxErrorsGiveTheColumn() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "relevant: signposted = yes", with: "relevant: signposted == yes")
        let line = try fixture.line(of: "signposted == yes", in: adult)
        #expect(descriptions(fixture).contains { $0.hasPrefix("\(adult):\(line): relevant has a syntax error at column 13 of 'signposted == yes'") })
    }

    @Test func missingAndUnknownTranslationsNameTheLanguage() throws {
        let fixture = try FormFixture()
        try fixture.edit("locales/gd.yaml", replacing: "      skills:", with: "      skils:")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("locales/gd.yaml:") && $0.contains("gd has no text for 'forms.adult-good-conversation.questions.skills.label' (in en-GB: \"What are you good at?\")") })
        #expect(problems.contains { $0.contains("'forms.adult-good-conversation.questions.skils.label' is not a key Blether uses — did you mean 'forms.adult-good-conversation.questions.skills.label'?") })
    }

    @Test func parametersAndPluralsMustMatchTheLanguage() throws {
        let fixture = try FormFixture()
        try fixture.edit("locales/gd.yaml", replacing: "{section}", with: "{earrann}")
        try fixture.edit("locales/gd.yaml", replacing: "    two: ", with: "    zero: ")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.contains("{section} is missing") && $0.contains("{earrann} is not known") })
        #expect(problems.contains { $0.contains("lacks two and has zero, which gd does not use") })
    }

    @Test func aDuplicateKeyIsBrokenYAML() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "        kind: text\n        required: true\n", with: "        kind: text\n        kind: line\n        required: true\n")
        #expect(descriptions(fixture).contains { $0.contains("the key 'kind' appears twice in the same mapping") })
    }

    @Test func catalogsMustSayWhetherTheyAreReviewed() throws {
        let fixture = try FormFixture()
        try fixture.edit("locales/gd.yaml", replacing: "reviewed: false\n", with: "")
        let problems = descriptions(fixture)
        let line = try fixture.line(of: "language: gd", in: "locales/gd.yaml")
        #expect(problems.contains { $0.hasPrefix("locales/gd.yaml:\(line): the catalog must say whether a fluent speaker has reviewed it") }, "\(problems)")
    }

    @Test(arguments: ["\"   \"", "\"\\t \\u00A0\"", "\"\\n\\n\""])
    func aTextOfSpacesOrLineBreaksAloneIsEmpty(blank: String) throws {
        let fixture = try FormFixture()
        try fixture.edit("locales/gd.yaml", replacing: "  tui.home.title: \"Blether — còmhraidhean\"", with: "  tui.home.title: \(blank)")
        let line = try fixture.line(of: "tui.home.title:", in: "locales/gd.yaml")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("locales/gd.yaml:\(line): 'ui.tui.home.title' is empty") }, "\(problems)")
    }

    @Test func checkingOneNewFormAloneIgnoresOtherFormsKeys() throws {
        let fixture = try FormFixture()
        try fixture.write("id: tiny\nversion: 1\nroles: {}\nsections:\n  - id: only\n    questions:\n      - id: q\n        kind: text\n", to: "forms/tiny.yaml")
        let report = FormsCheck.run(paths: [fixture.forms.appendingPathComponent("tiny.yaml").path], shipped: FormFixture.shipped)
        #expect(report.problems.allSatisfy { $0.message.contains("tiny") }, "\(report.problems)")
        #expect(report.problems.contains { $0.message.contains("en-GB has no text for 'forms.tiny.title'") })
    }

    @Test func aFormVersionMayNotBeDefinedTwice() throws {
        let fixture = try FormFixture()
        let text = try String(contentsOf: fixture.forms.appendingPathComponent("outcomes-review.yaml"), encoding: .utf8)
        try fixture.write(text, to: "forms/outcomes-review-copy.yaml")
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("forms/outcomes-review.yaml:3: version 2 of 'outcomes-review' is also defined in forms/outcomes-review-copy.yaml") }, "\(problems)")
    }
}
