import BletherCore
import Yams

/// Turns one costing rules file into ``LoadedCostingRules``, reporting every problem with
/// its line: bands that overlap or leave gaps, negative or missing costs, support offered
/// under an option without a cost for it, points rules naming questions the form lacks.
struct CostingRulesReader {
    let source: YAMLSource
    /// The forms read alongside, to check the questions points rules name.
    let forms: [Form]
    /// Reads each value the way every form, catalog and rules file is read, and keeps the problems.
    private var yaml: YAMLReader
    var problems: [FormProblem] {
        get { yaml.problems }
        set { yaml.problems = newValue }
    }

    init(source: YAMLSource, forms: [Form]) {
        self.source = source
        self.forms = forms
        yaml = YAMLReader(file: source.file)
    }

    static let topKeys = ["id", "version", "council", "period", "form", "points", "bands", "rates", "contribution", "limits", "challenge", "spending", "contact"]
    static let periodKeys = ["from", "to"]
    static let pointsKeys = ["question", "when", "points", "per-unit"]
    static let bandKeys = ["from", "to", "yearly"]
    static let rateKeys = ["id", "name", "unit", "personal-care", "offered", "costs"]
    static let contributionKeys = ["percent"]
    static let spendingKeys = ["may", "may-not"]
    static let contactKeys = ["phone", "challenge-days"]
    /// Points a rule may give (or take away) at once, so that no total can overflow.
    static let pointsRange = -1_000_000...1_000_000
    /// Where bands may start and end, so that the band after one can always be named.
    static let bandRange = 0...1_000_000_000

    private mutating func report(_ node: Node, _ message: String, fix: String) {
        yaml.report(node, message, fix: fix)
    }

    mutating func read() -> LoadedCostingRules? {
        let root = source.root
        guard let mapping = root.mapping else {
            report(root, "costing rules must be a mapping", fix: "start the file with 'id: <rules id>'")
            return nil
        }
        yaml.checkKeys(of: root, allowed: CostingRulesReader.topKeys, in: "costing rules")
        guard let id = yaml.text(mapping["id"], key: "id"), FormFileReader.isIdentifier(id) else {
            report(root, "the rules have no usable id", fix: "add 'id:' with lower-case letters, digits and hyphens"); return nil
        }
        let versionFix = "add 'version: 1' and raise it when the rules change"
        guard let version = yaml.integer(mapping["version"], key: "version", in: 1...Int.max, fix: versionFix) else {
            if mapping["version"] == nil { report(root, "the rules have no version of 1 or more", fix: versionFix) }
            return nil
        }
        let council = yaml.text(mapping["council"], key: "council") ?? ""
        if council.isEmpty { report(root, "the rules do not name their council", fix: "add 'council: <name>'") }
        if let periodNode = mapping["period"] { yaml.checkKeys(of: periodNode, allowed: CostingRulesReader.periodKeys, in: "period") }
        guard let periodNode = mapping["period"], let from = date(periodNode.mapping?["from"]), let to = date(periodNode.mapping?["to"]) else {
            report(mapping["period"] ?? root, "the rules need the period they apply to", fix: "add period: with from: and to: dates such as 2026-04-01"); return nil
        }
        if to < from { report(periodNode, "the period ends before it starts", fix: "swap from and to") }
        let formID = yaml.text(mapping["form"], key: "form") ?? ""
        let form = forms.first { $0.id == formID }
        if form == nil {
            report(mapping["form"] ?? root, "the rules name the form '\(formID)', which is not among the forms", fix: ClosestMatch.fix(for: formID, among: forms.map(\.id), noun: "form ids"))
        }
        let points = readPoints(mapping["points"], form: form)
        let bands = readBands(mapping["bands"])
        let rates = readRates(mapping["rates"])
        if points.isEmpty && rates.isEmpty {
            report(root, "the rules have neither points and bands nor a rate card", fix: "add points: with bands:, or rates:, or both")
        }
        if !points.isEmpty && bands.isEmpty { report(root, "points are given but there are no bands to turn them into an amount", fix: "add bands:") }
        var percent = 0
        if let node = mapping["contribution"] {
            yaml.checkKeys(of: node, allowed: CostingRulesReader.contributionKeys, in: "contribution")
            percent = yaml.integer(node.mapping?["percent"], key: "the contribution percent", in: 0...100, fix: "write percent: 10") ?? 0
        }
        var limits: [DecisionRole: Money] = [:]
        if let limitPairs = mapping["limits"]?.stringPairs {
            for pair in limitPairs {
                guard let role = DecisionRole(rawValue: pair.key) else {
                    report(pair.keyNode, "'\(pair.key)' is not a role that decides", fix: ClosestMatch.fix(for: pair.key, among: DecisionRole.allCases.map(\.rawValue), noun: "roles"))
                    continue
                }
                if let amount = money(pair.value, what: "the limit of \(pair.key)") { limits[role] = amount }
            }
            let ordered = DecisionRole.allCases.compactMap { limits[$0] }
            if ordered != ordered.sorted() {
                report(mapping["limits"]!, "a more senior role has a lower limit than a more junior one", fix: "give worker ≤ team-leader ≤ service-manager")
            }
        } else {
            report(root, "the rules give no delegated limits", fix: "add limits: with worker:, team-leader: and service-manager: amounts")
        }
        if rates.isEmpty && percent > 0 {
            report(mapping["contribution"] ?? root, "a contribution needs a rate card, to tell personal care (which is free) from other support",
                   fix: "add rates: with personal-care: true or false, or remove contribution:")
        }
        let challenge = councilText(mapping["challenge"], what: "how to challenge or appeal a decision", example: "challenge: Ask your worker to look again within 28 days …")
        let spending = mapping["spending"]
        if let spending { yaml.checkKeys(of: spending, allowed: CostingRulesReader.spendingKeys, in: "spending") }
        let maySpendOn = councilText(spending?.mapping?["may"], what: "what a budget may be spent on", example: "spending: with may: and may-not:")
        let mayNotSpendOn = councilText(spending?.mapping?["may-not"], what: "what a budget may not be spent on", example: "spending: with may: and may-not:")
        let contact = mapping["contact"]
        if let contact {
            if contact.mapping == nil { report(contact, "contact must be a mapping", fix: "write contact: with phone: and challenge-days: beneath it") }
            yaml.checkKeys(of: contact, allowed: CostingRulesReader.contactKeys, in: "contact")
        }
        let phoneNode = contact?.mapping?["phone"]
        var phone = yaml.text(phoneNode, key: "phone")
        if let node = phoneNode, let number = phone, !CouncilContact.isPhoneNumber(number) {
            report(node, "'\(BidiIsolation.visible(number))' is not a phone number", fix: "write digits and spaces only, such as 0300 123 4567")
            phone = nil
        }
        let days = yaml.integer(contact?.mapping?["challenge-days"], key: "challenge-days", in: CouncilContact.challengeDaysRange, fix: "write challenge-days: 28")
        return LoadedCostingRules(rules: CostingRules(id: id, version: version, council: council, period: CostingPeriod(from: from, to: to),
                                                      points: points, bands: bands, rates: rates, contribution: ContributionRule(percent: percent),
                                                      limits: limits, challenge: challenge, maySpendOn: maySpendOn, mayNotSpendOn: mayNotSpendOn,
                                                      contact: CouncilContact(phone: phone, challengeDays: days)),
                                  formID: formID, file: source.file, idLine: mapping["id"]?.line ?? 1, url: source.url)
    }

    /// Words in one language (`key: text`) or several (`key: {en-GB: …, gd: …}`, which must include en-GB).
    private mutating func councilText(_ node: Node?, what: String, example: String) -> CouncilText {
        guard let node else { report(source.root, "the rules do not say \(what)", fix: "add \(example)"); return CouncilText([:]) }
        if let text = node.string, !text.isEmpty { return CouncilText(text) }
        if let pairs = node.stringPairs {
            var texts: [String: String] = [:]
            for pair in pairs {
                guard let text = pair.value.string, !text.isEmpty else { report(pair.value, "the \(pair.key) words for \(what) are empty", fix: "write the words, or remove the language"); continue }
                texts[pair.key] = text
            }
            if texts["en-GB"] == nil { report(node, "\(what) has no en-GB words to fall back on", fix: "add en-GB: with the English words") }
            return CouncilText(texts)
        }
        report(node, "\(what) must be words, or words by language", fix: "write the words, or en-GB: and gd: lines beneath")
        return CouncilText([:])
    }

    private mutating func date(_ node: Node?) -> CalendarDate? {
        guard let node else { return nil }
        guard let text = node.string, let value = try? CalendarDate(parsing: text) else {
            report(node, "'\(node.string ?? "")' is not a date", fix: "write a date such as 2026-04-01"); return nil
        }
        return value
    }

    private mutating func money(_ node: Node, what: String) -> Money? {
        guard let text = node.string, let amount = try? Money(parsing: text) else {
            report(node, "\(what) is not an amount of money", fix: "write pounds and pence, such as 17.50"); return nil
        }
        guard amount.pence >= 0 else { report(node, "\(what) is negative", fix: "costs and amounts cannot be below zero"); return nil }
        return amount
    }

    private mutating func readPoints(_ node: Node?, form: Form?) -> [PointsRule] {
        guard let items = yaml.list(node, key: "points", fix: "write points: as a list of '- question: …' rules") else { return [] }
        var rules: [PointsRule] = []
        for item in items {
            yaml.checkKeys(of: item, allowed: CostingRulesReader.pointsKeys, in: "a points rule")
            guard let question = item.mapping?["question"]?.string else { report(item, "a points rule has no question", fix: "add question: <question id>"); continue }
            if let form, form.question(id: question) == nil {
                report(item, "the points rule names '\(question)', which is not a question of \(form.id)",
                       fix: ClosestMatch.suggestion(for: question, among: form.allQuestions.map(\.id)).map { "did you mean '\($0)'?" } ?? "name a question of the form")
                continue
            }
            var when: Condition?
            if let whenNode = item.mapping?["when"] {
                do { when = try Condition(parsing: whenNode.string ?? "") } catch where error.kind == .tooDeeplyNested {
                    problems.append(FormProblem(file: source.file, line: whenNode.line, refusal: .conditionTooDeep(key: "when"))); continue
                } catch {
                    report(whenNode, "when has a syntax error at column \(error.column): \(error.message)", fix: "see 'Conditions' in forms/README.md"); continue
                }
                if let form, let problem = when?.referenceProblems(in: form, for: "", isConstraint: false).first {
                    report(whenNode, "when: \(problem.message)", fix: "see 'Conditions' in forms/README.md"); continue
                }
            }
            if let perUnit = item.mapping?["per-unit"] {
                guard let value = yaml.integer(perUnit, key: "per-unit", in: CostingRulesReader.pointsRange, fix: "write per-unit: 2") else { continue }
                if let form, case .wholeNumber = form.question(id: question)?.kind {} else if form != nil {
                    report(perUnit, "per-unit points need a whole number question, and '\(question)' is not one", fix: "use points: with when: instead"); continue
                }
                rules.append(PointsRule(question: question, when: when, points: value, perUnit: true))
            } else if let node = item.mapping?["points"] {
                guard let value = yaml.integer(node, key: "points", in: CostingRulesReader.pointsRange, fix: "write points: 15") else { continue }
                rules.append(PointsRule(question: question, when: when, points: value))
            } else {
                report(item, "the points rule for '\(question)' gives no points", fix: "add points: <number> (with when:), or per-unit: <number>")
            }
        }
        return rules
    }

    private mutating func readBands(_ node: Node?) -> [Band] {
        guard let items = yaml.list(node, key: "bands", fix: "write bands: as a list of '- {from: 0, to: 19, yearly: 0.00}'") else { return [] }
        var bands: [(Band, Node)] = []
        let range = CostingRulesReader.bandRange
        let fix = "write whole points from \(range.lowerBound) to \(range.upperBound), such as from: 20, to: 49"
        for item in items {
            yaml.checkKeys(of: item, allowed: CostingRulesReader.bandKeys, in: "a band")
            let fromNode = item.mapping?["from"], toNode = item.mapping?["to"], yearlyNode = item.mapping?["yearly"]
            let from = yaml.integer(fromNode, key: "from", in: range, fix: fix)
            let to = yaml.integer(toNode, key: "to", in: range, fix: fix)
            guard fromNode != nil, yearlyNode != nil else {
                report(item, "a band needs from: (points) and yearly: (an amount)", fix: "write from: 20, to: 49, yearly: 4000.00"); continue
            }
            guard let from, toNode == nil || to != nil, let yearlyNode, let yearly = money(yearlyNode, what: "the band's yearly amount") else { continue }
            if let to, to < from { report(item, "the band ends (\(to)) before it starts (\(from))", fix: "swap from and to") }
            bands.append((Band(from: from, to: to, yearly: yearly), item))
        }
        bands.sort { $0.0.from < $1.0.from }
        if let first = bands.first, first.0.from != 0 { report(first.1, "the bands start at \(first.0.from) points, so lower totals have no amount", fix: "start the first band at from: 0") }
        for (previous, next) in zip(bands, bands.dropFirst()) {
            guard let end = previous.0.to else {
                report(previous.1, "only the last band may be open-ended, but this one has no to:", fix: "add to: \(next.0.from - 1)"); continue
            }
            if next.0.from <= end { report(next.1, "this band overlaps the one before (which ends at \(end))", fix: "start it at from: \(end + 1)") }
            if next.0.from > end + 1 { report(next.1, "there is a gap: no band covers \(end + 1) to \(next.0.from - 1) points", fix: "start it at from: \(end + 1)") }
        }
        return bands.map(\.0)
    }

    private mutating func readRates(_ node: Node?) -> [SupportRate] {
        guard let items = yaml.list(node, key: "rates", fix: "write rates: as a list of '- id: …' support types") else { return [] }
        var rates: [SupportRate] = []
        var seen = Set<String>()
        for item in items {
            yaml.checkKeys(of: item, allowed: CostingRulesReader.rateKeys, in: "a rate")
            guard let id = item.mapping?["id"]?.string, FormFileReader.isIdentifier(id) else { report(item, "a rate has no usable id", fix: "add id: such as personal-assistant-hour"); continue }
            guard seen.insert(id).inserted else { report(item, "the support type '\(id)' is listed twice", fix: "keep one of them"); continue }
            guard let unitText = item.mapping?["unit"]?.string, let unit = SupportRate.Unit(rawValue: unitText) else {
                report(item, "the support type '\(id)' has no unit Blether knows", fix: "use unit: hour, day, night, week or item"); continue
            }
            let options = SDSOption.allCases.map(\.rawValue)
            var offered: [SDSOption] = []
            for node in yaml.list(item.mapping?["offered"], key: "offered", fix: "write offered: [option-1, option-2]") ?? [] {
                guard let option = yaml.text(node, key: "offered").flatMap(SDSOption.init(rawValue:)) else {
                    if let text = node.string {
                        report(node, "'\(text)' is not an SDS option", fix: ClosestMatch.fix(for: text, among: options, noun: "SDS options"))
                    }
                    continue
                }
                offered.append(option)
            }
            var costs: [SDSOption: Money] = [:]
            for pair in yaml.pairs(item.mapping?["costs"], key: "costs", fix: "write costs: with option-1: 17.50 and so on") ?? [] {
                guard let option = SDSOption(rawValue: pair.key) else {
                    report(pair.keyNode, "'\(pair.key)' is not an SDS option", fix: ClosestMatch.fix(for: pair.key, among: options, noun: "SDS options")); continue
                }
                guard let amount = money(pair.value, what: "the cost of \(id) under \(pair.key)") else { continue }
                guard offered.contains(option) else {
                    report(pair.keyNode, "'\(id)' has a cost under \(pair.key), but is not offered under it, so the cost would never be used",
                           fix: "add \(pair.key) to offered:, or remove the cost"); continue
                }
                costs[option] = amount
            }
            if offered.isEmpty { report(item, "the support type '\(id)' is not offered under any option", fix: "add offered: [option-1, option-2, option-3, option-4]") }
            for option in offered where costs[option] == nil {
                report(item, "'\(id)' is offered under \(option.rawValue) but has no cost for it", fix: "add \(option.rawValue): <cost> under costs:")
            }
            let personalCare = yaml.bool(item.mapping?["personal-care"], key: "personal-care") ?? false
            let name: CouncilText
            if item.mapping?["name"] == nil {
                report(item, "the support type '\(id)' has no name to show the person", fix: "add name: such as Personal assistant")
                name = CouncilText([:])
            } else {
                name = councilText(item.mapping?["name"], what: "the name of '\(id)'", example: "name:")
            }
            rates.append(SupportRate(id: id, name: name, unit: unit, costs: costs, isPersonalCare: personalCare))
        }
        return rates
    }
}
