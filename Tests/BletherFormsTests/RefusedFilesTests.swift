import BletherCore
import BletherForms
import Foundation
import Testing

/// Files that would once have crashed or hung every reader — conditions and YAML nested
/// thousands deep, aliases that stand for billions of values — are refused whole, with
/// the line, in the reader's language.
@Suite struct RefusedFilesTests {
    let adult = "forms/adult-good-conversation.yaml"

    func problems(_ fixture: FormFixture) -> [FormProblem] {
        fixture.check().problems
    }

    @Test func aRelevantConditionFiveThousandDeepIsRefusedAtItsLine() throws {
        let fixture = try FormFixture()
        let deep = String(repeating: "(", count: 5_000) + "advocacy-offered = yes" + String(repeating: ")", count: 5_000)
        try fixture.edit(adult, replacing: "relevant: advocacy-offered = yes", with: "relevant: \(deep)")
        let line = try fixture.line(of: "relevant: ((((", in: adult)
        let found = problems(fixture).filter { $0.refusal != nil }
        #expect(found.map(\.refusal) == [.conditionTooDeep(key: "relevant")])
        #expect(found.first?.line == line)
        #expect(found.first?.description.hasSuffix(":\(line): too deeply nested — relevant goes more than 100 deep (each bracket, not, and, or counts one): write it more simply, or split the question in two") == true)
    }

    @Test func aChainOfFiveThousandNotsInAConstraintIsRefused() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "constraint: . = yes", with: "constraint: \(String(repeating: "not ", count: 5_000)). = yes")
        #expect(problems(fixture).compactMap(\.refusal) == [.conditionTooDeep(key: "constraint")])
    }

    @Test func aPointsRuleConditionTooDeepIsRefused() throws {
        let fixture = try FormFixture()
        let rules = "forms/costing/example-points-and-bands.yaml"
        try fixture.edit(rules, replacing: "when: unpaid-carer = no", with: "when: \(String(repeating: "not ", count: 5_000))unpaid-carer = no")
        let line = try fixture.line(of: "when: not not", in: rules)
        let found = problems(fixture).filter { $0.refusal != nil }
        #expect(found.map(\.refusal) == [.conditionTooDeep(key: "when")])
        #expect(found.first?.line == line)
    }

    @Test func yamlNestedPastTheLimitIsRefused() throws {
        let fixture = try FormFixture()
        // Block style, each level indented two more; and flow style, thousands of brackets never closed.
        let block = (0..<70).map { String(repeating: "  ", count: $0 + 1) + "k\($0):" }.joined(separator: "\n")
            + "\n" + String(repeating: "  ", count: 71) + "deep\n"
        try fixture.write("id: nested\nversion: 1\nsections:\n" + block, to: "forms/nested.yaml")
        try fixture.write("id: brackets\nversion: 1\nsections: " + String(repeating: "[", count: 5_000) + "\n", to: "forms/brackets.yaml")
        let found = problems(fixture).filter { $0.refusal != nil }
        #expect(found.map(\.refusal) == [.yamlTooDeep, .yamlTooDeep])
        #expect(found.map(\.file).allSatisfy { $0.hasSuffix("forms/brackets.yaml") || $0.hasSuffix("forms/nested.yaml") })
        #expect(found.allSatisfy { $0.description.contains(": too deeply nested — nothing in this file may go more than 64 levels deep") })
    }

    @Test func aCatalogOfAliasesStandingForBillionsIsRefusedAtOnce() throws {
        let fixture = try FormFixture()
        var lines = ["language: en-GB", "name: English (UK)", "reviewed: true", "ui:",
                     "  l0: &l0 {a: v, b: v, c: v, d: v, e: v, f: v, g: v, h: v, i: v, j: v}"]
        for level in 1..<10 {
            lines.append("  l\(level): &l\(level) {" + "abcdefghij".map { "\($0): *l\(level - 1)" }.joined(separator: ", ") + "}")
        }
        try fixture.write((lines + ["forms: {}"]).joined(separator: "\n") + "\n", to: "locales/en-GB.yaml")
        let started = ContinuousClock.now
        let found = problems(fixture).filter { $0.refusal != nil }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(found.map(\.refusal) == [.aliasesRepeat])
        #expect(found.first?.file.hasSuffix("locales/en-GB.yaml") == true)
    }

    @Test func refusalsAreSaidInTheCatalogsLanguage() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "relevant: advocacy-offered = yes", with: "relevant: \(String(repeating: "not ", count: 200))advocacy-offered = yes")
        let library = fixture.check()
        let problem = try #require(library.problems.first { $0.refusal != nil })
        let gaelic = try #require(library.catalog(language: "gd"))
        #expect(problem.description(in: gaelic).contains(": neadaichte ro dhomhainn — tha relevant a’ dol nas doimhne na 100"))
        let report = FormsCheck(library: library).lines(language: "pl")
        #expect(report.contains { $0.contains(": zbyt głębokie zagnieżdżenie — relevant sięga głębiej niż 100 poziomów") })
    }

    @Test func theEnglishUsedWithoutACatalogIsTheEnGBCatalogs() throws {
        let library = FormLibrary.load(from: FormFixture.shipped)
        let english = try #require(library.catalog(language: "en-GB"))
        for refusal in [FormRefusal.conditionTooDeep(key: "relevant"), .yamlTooDeep, .aliasesRepeat] {
            let problem = FormProblem(file: "f.yaml", line: 3, refusal: refusal)
            #expect(problem.description == problem.description(in: english))
        }
    }
}
