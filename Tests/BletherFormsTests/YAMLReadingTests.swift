import BletherCore
import BletherForms
import Foundation
import Testing

/// Forms, catalogs and costing rules are read one way: `true`/`false` only, unknown keys
/// reported with their line and the closest known key at every level, and nothing dropped
/// without a word.
@Suite struct YAMLReadingTests {
    let adult = "forms/adult-good-conversation.yaml"
    let bands = "forms/costing/example-points-and-bands.yaml"
    let card = "forms/costing/example-rate-card.yaml"

    func descriptions(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
    }

    @Test func personalCareYesIsReportedNotChargedSilently() throws {
        let fixture = try FormFixture()
        try fixture.edit(card, replacing: "    personal-care: true\n", with: "    personal-care: yes\n")
        let line = try fixture.line(of: "personal-care: yes", in: card)
        let problems = descriptions(fixture)
        #expect(problems.contains("\(card):\(line): personal-care must be true or false, not 'yes' — write personal-care: true or personal-care: false"),
                "\(problems)")
    }

    @Test func everyFileTakesBooleansTheSameWay() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "        required: true\n", with: "        required: yes\n")
        try fixture.edit("locales/gd.yaml", replacing: "reviewed: false\n", with: "reviewed: no\n")
        let problems = descriptions(fixture)
        let required = try fixture.line(of: "required: yes", in: adult)
        let reviewed = try fixture.line(of: "reviewed: no", in: "locales/gd.yaml")
        #expect(problems.contains("\(adult):\(required): required must be true or false, not 'yes' — write required: true or required: false"), "\(problems)")
        #expect(problems.contains("locales/gd.yaml:\(reviewed): reviewed must be true or false, not 'no' — write reviewed: true or reviewed: false"), "\(problems)")
    }

    @Test func unknownKeysInsideRatesPointsAndBandsAreReportedWithTheirLines() throws {
        let fixture = try FormFixture()
        try fixture.edit(card, replacing: "    offered: [option-2, option-3, option-4]\n", with: "    offerd: [option-2, option-3, option-4]\n")
        try fixture.edit(bands, replacing: "    per-unit: 2\n", with: "    per-unit: 2\n    maximum: 40\n")
        try fixture.edit(bands, replacing: "    yearly: 4000.00\n", with: "    yearly: 4000.00\n    yeraly: 4100.00\n")
        try fixture.edit(bands, replacing: "  to: 2027-03-31\n", with: "  to: 2027-03-31\n  form: 2027-04-01\n")
        let problems = descriptions(fixture)
        let offered = try fixture.line(of: "offerd:", in: card)
        let maximum = try fixture.line(of: "maximum: 40", in: bands)
        let yearly = try fixture.line(of: "yeraly:", in: bands)
        let period = try fixture.line(of: "  form: 2027-04-01", in: bands)
        #expect(problems.contains { $0.hasPrefix("\(card):\(offered): 'offerd' is not a key a rate can have — did you mean 'offered'?") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(bands):\(maximum): 'maximum' is not a key a points rule can have — use one of: question, when, points, per-unit") },
                "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(bands):\(yearly): 'yeraly' is not a key a band can have — did you mean 'yearly'?") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(bands):\(period): 'form' is not a key period can have — did you mean 'from'?") }, "\(problems)")
    }

    @Test func aCostUnderAnOptionNotOfferedIsReportedNotDropped() throws {
        let fixture = try FormFixture()
        // Day opportunities are offered under options 2–4; a cost under option 1 would never be used.
        try fixture.edit(card, replacing: "      option-2: 45.00\n", with: "      option-1: 40.00\n      option-2: 45.00\n")
        let line = try fixture.line(of: "option-1: 40.00", in: card)
        let problems = descriptions(fixture)
        #expect(problems.contains("\(card):\(line): 'day-opportunity' has a cost under option-1, but is not offered under it, so the cost would never be used — add option-1 to offered:, or remove the cost"),
                "\(problems)")
        try fixture.edit(card, replacing: "    offered: [option-2, option-3, option-4]\n", with: "    offered: [option-2, option-3, opton-4]\n")
        let four = try fixture.line(of: "opton-4", in: card)
        #expect(descriptions(fixture).contains { $0.hasPrefix("\(card):\(four): 'opton-4' is not an SDS option — did you mean 'option-4'?") })
    }

    @Test func eachReaderReportsAnUnknownKeyWithItsLine() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "        kind: choices\n", with: "        kind: choices\n        requried: true\n")
        try fixture.edit("locales/pl.yaml", replacing: "direction: ltr\n", with: "direction: ltr\ndirections: ltr\n")
        try fixture.edit(bands, replacing: "council: Example Council\n", with: "council: Example Council\ncouncl: Example Council\n")
        let problems = descriptions(fixture)
        let form = try fixture.line(of: "requried: true", in: adult)
        let catalog = try fixture.line(of: "directions: ltr", in: "locales/pl.yaml")
        let rules = try fixture.line(of: "councl:", in: bands)
        #expect(problems.contains { $0.hasPrefix("\(adult):\(form): 'requried' is not a key a question can have — did you mean 'required'?") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("locales/pl.yaml:\(catalog): 'directions' is not a key a catalog can have — did you mean 'direction'?") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(bands):\(rules): 'councl' is not a key costing rules can have — did you mean 'council'?") }, "\(problems)")
    }

    @Test func bandsAtTheEdgeOfWholeNumbersAreProblemsNotACrash() throws {
        let fixture = try FormFixture()
        // A band ending at the largest whole number, then one after it: naming "the next point" once overflowed.
        try fixture.edit(bands, replacing: "    to: 79\n", with: "    to: 9223372036854775807\n")
        try fixture.edit(bands, replacing: "  - from: 80\n", with: "  - from: -9223372036854775808\n")
        let problems = descriptions(fixture)
        let end = try fixture.line(of: "to: 9223372036854775807", in: bands)
        let start = try fixture.line(of: "from: -9223372036854775808", in: bands)
        #expect(problems.contains { $0.hasPrefix("\(bands):\(end): to must be from 0 to 1000000000, not 9223372036854775807") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(bands):\(start): from must be from 0 to 1000000000, not -9223372036854775808") }, "\(problems)")

        let beyond = try FormFixture()
        try beyond.edit(bands, replacing: "    to: 79\n", with: "    to: 99999999999999999999\n")
        try beyond.edit(bands, replacing: "    points: 15\n", with: "    points: 9223372036854775807\n")
        let more = descriptions(beyond)
        #expect(more.contains { $0.hasPrefix("\(bands):") && $0.contains("to must be a whole number, not '99999999999999999999'") }, "\(more)")
        #expect(more.contains { $0.hasPrefix("\(bands):") && $0.contains("points must be from -1000000 to 1000000, not 9223372036854775807") }, "\(more)")
    }
}
