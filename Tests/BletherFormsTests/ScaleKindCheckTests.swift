import BletherCore
import BletherForms
import Foundation
import Testing

/// `kind: scale` in a form file: its bounds are read and checked with the line they are on,
/// and its optional end words are catalog keys of its own.
@Suite struct ScaleKindCheckTests {
    let form = "forms/scale-check.yaml"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The shipped files with the scale-check fixture form added, its words in every catalog.
    func fixture(replacing old: String? = nil, with new: String = "") throws -> FormFixture {
        let fixture = try FormFixture()
        var text = try String(contentsOf: Self.fixtures.appendingPathComponent("scale-check.yaml"), encoding: .utf8)
        if let old {
            let range = try #require(text.range(of: old))
            text.replaceSubrange(range, with: new)
        }
        try fixture.write(text, to: form)
        let words = try String(contentsOf: Self.fixtures.appendingPathComponent("scale-check.words.yaml"), encoding: .utf8)
        for language in ["en-GB", "gd", "pl", "zh-Hans", "ur"] {
            let path = "locales/\(language).yaml"
            let catalog = try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
            try fixture.write(catalog + words, to: path)
        }
        return fixture
    }

    func problems(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
            .filter { $0.hasPrefix(form) || $0.contains("scale-check") }
    }

    @Test func theFixtureIsCleanAndItsBoundsAreRead() throws {
        let fixture = try fixture()
        #expect(problems(fixture) == [])
        let scaleForm = try #require(fixture.check().latestForm(id: "scale-check"))
        #expect(scaleForm.question(id: "how-well")?.kind == .scale(from: 1, to: 5))
        #expect(scaleForm.question(id: "effort")?.kind == .scale(from: 0, to: 10))
    }

    @Test func boundsTheWrongWayRoundAreReportedOnTheirLine() throws {
        let fixture = try fixture(replacing: "        from: 0\n        to: 10\n", with: "        from: 5\n        to: 3\n")
        let line = try fixture.line(of: "to: 3", in: form)
        #expect(problems(fixture) == ["\(form):\(line): the question 'effort' has a scale from 5 to 3, which needs at least two points — make to: larger than from:, such as from: 1 and to: 5"])
    }

    @Test func aScaleBeyondTheNumberKeysIsReported() throws {
        let fixture = try fixture(replacing: "        to: 10\n", with: "        to: 20\n")
        let line = try fixture.line(of: "to: 20", in: form)
        #expect(problems(fixture) == ["\(form):\(line): the question 'effort' has a scale to 20, outside 0 to 10 — end the scale at 10 or less, such as to: 5"])
    }

    @Test func aSinglePointIsNoScale() throws {
        let fixture = try fixture(replacing: "        kind: scale\n        required: true\n", with: "        kind: scale\n        required: true\n        from: 5\n")
        let line = try fixture.line(of: "from: 5", in: form)
        #expect(problems(fixture) == ["\(form):\(line): the question 'how-well' has a scale from 5 to 5, which needs at least two points — make to: larger than from:, such as from: 1 and to: 5"])
    }

    @Test func boundsThatAreNotWholeNumbersOrOfAnotherKindAreReported() throws {
        let fixture = try fixture(replacing: "        from: 0\n", with: "        from: low\n        min: 0\n")
        let lowLine = try fixture.line(of: "from: low", in: form)
        let minLine = try fixture.line(of: "min: 0", in: form)
        #expect(problems(fixture) == [
            "\(form):\(lowLine): from must be a whole number, not 'low' — write digits only, such as 0 or 168",
            "\(form):\(minLine): the question 'effort' is of kind scale, which has no min — remove min, or use kind: number or money",
        ])
    }

    @Test func endWordsAreKeysOnlyAScaleMayHave() throws {
        let fixture = try fixture()
        let path = "locales/en-GB.yaml"
        let catalog = try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
        try fixture.write(catalog.replacingOccurrences(of: "      notes:\n        label: Anything else?\n",
                                                       with: "      notes:\n        label: Anything else?\n        low: Nothing\n"), to: path)
        #expect(problems(fixture).contains { $0.contains("'forms.scale-check.questions.notes.low' is not a key Blether uses") })
    }

    @Test func oneEndWithoutTheOtherIsReported() throws {
        let fixture = try fixture()
        let path = "locales/pl.yaml"
        let catalog = try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
        try fixture.write(catalog.replacingOccurrences(of: "        high: Completely\n", with: ""), to: path)
        let line = try fixture.line(of: "low: Not at all", in: path)
        #expect(problems(fixture).contains("\(path):\(line): 'forms.scale-check.questions.how-well.low' is given without 'forms.scale-check.questions.how-well.high' — give both, or neither"))
    }
}
