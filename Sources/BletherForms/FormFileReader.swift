import BletherCore
import Yams

/// Turns one form file into a ``LoadedForm``, collecting every problem rather than stopping at the first.
struct FormFileReader {
    let source: YAMLSource
    /// Reads each value the way every form, catalog and rules file is read, and keeps the problems.
    var yaml: YAMLReader
    var problems: [FormProblem] {
        get { yaml.problems }
        set { yaml.problems = newValue }
    }
    private var sectionLines: [String: Int] = [:]
    var questionLines: [String: Int] = [:]
    /// The question ids `roles:` names, as written (`witnessed_when:` belongs on the agreement's alone).
    var namedRoleIDs: [FormRole: String] = [:]

    init(source: YAMLSource) {
        self.source = source
        yaml = YAMLReader(file: source.file)
    }

    static let formKeys = ["id", "version", "roles", "sections", "costing"]
    static let costingKeys = ["rules", "plan", "option", "decision", "explained"]
    static let sectionKeys = ["id", "gate", "nothing_here", "nothing_here_note", "asked_of", "questions"]
    static let questionKeys = ["id", "kind", "required", "relevant", "constraint", "asked_of", "witnessed_when"] + KindOwnKey.allCases.map(\.rawValue)

    mutating func report(_ node: Node, _ message: String, fix: String) {
        yaml.report(node, message, fix: fix)
    }

    /// Reads the form; `nil` when it is too broken to use (the problems say why).
    mutating func read() -> LoadedForm? {
        guard source.root.mapping != nil else {
            report(source.root, "a form file must be a mapping with id, version and sections, but this is \(source.root.shapeDescription)",
                   fix: "start the file with 'id: <form id>'")
            return nil
        }
        yaml.checkKeys(of: source.root, allowed: FormFileReader.formKeys, in: "a form")
        let root = source.root
        let id = readIdentifier(root, key: "id", what: "the form")
        var version: Int?
        if let node = root.mapping?["version"] {
            version = yaml.integer(node, key: "version", in: 1...Int.max, fix: "write version: 1 and raise it by one each time the form changes")
        } else {
            report(root, "the form has no version", fix: "add 'version: 1' (raise it each time the form changes)")
        }
        if root.mapping != nil, root.mapping?["roles"] == nil {
            // Said every time, so that no rule is ever turned on or off by leaving the block out.
            report(root, "the form has no roles: block, so it does not say which question plays each part Blether's rules depend on",
                   fix: "add roles: naming the present, read-back, agreement and witness questions the form has (see 'Roles' in forms/README.md), or 'roles: {}' when it has none")
        }
        let namedRoles = readRoleNames(root.mapping?["roles"])
        namedRoleIDs = namedRoles.mapValues(\.id)
        var sections: [Section] = []
        var seenSections: [String: Int] = [:]
        if let sectionsNode = root.mapping?["sections"] {
            if let sequence = sectionsNode.sequence, !sequence.isEmpty {
                for node in sequence {
                    guard let section = readSection(node) else { continue }
                    if let first = seenSections[section.id] {
                        report(node, "the section id '\(section.id)' is used twice (first on line \(first))", fix: "give each section its own id")
                        continue
                    }
                    seenSections[section.id] = node.line
                    sections.append(section)
                }
            } else {
                report(sectionsNode, "sections must be a list with at least one section", fix: "list sections with '- id: ...'")
            }
        } else {
            report(root, "the form has no sections", fix: "add 'sections:' with at least one section")
        }
        checkDuplicateQuestions(sections)
        let roles = checkRoles(namedRoles, sections: sections)
        guard let id, let version, !sections.isEmpty else { return nil }
        let form = Form(id: id, version: version, sections: sections, costing: readCosting(root.mapping?["costing"], sections: sections), roles: roles)
        checkGates(form)
        checkConditions(form)
        checkAgreement(form)
        return LoadedForm(form: form, file: source.file, url: source.url, sectionLines: sectionLines, questionLines: questionLines,
                          idLine: root.mapping?["id"]?.line ?? 1)
    }

    /// The `costing:` block: which questions hold the rules, the plan, the option and the
    /// decision, each checked for the kind its part needs.
    private mutating func readCosting(_ node: Node?, sections: [Section]) -> CostingQuestions? {
        guard let node else {
            if let plan = sections.flatMap(\.questions).first(where: { $0.kind == .supportPlan }) {
                report(source.root, "the question '\(plan.id)' is a support plan, but the form has no costing: block",
                       fix: "add costing: with rules:, plan:, option:, decision: and explained: question ids")
            }
            return nil
        }
        guard node.mapping != nil else {
            report(node, "costing: must be a mapping", fix: "write costing: with rules:, plan:, option:, decision: and explained: question ids"); return nil
        }
        yaml.checkKeys(of: node, allowed: FormFileReader.costingKeys, in: "costing")
        let questions = Dictionary(sections.flatMap(\.questions).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var named: [String: String] = [:]
        for part in FormFileReader.costingKeys {
            guard let valueNode = node.mapping?[part], let id = valueNode.string else {
                report(node, "costing: does not say which question holds the \(part)", fix: "add \(part): <question id>"); continue
            }
            guard let question = questions[id] else {
                report(valueNode, "costing \(part): names '\(id)', which is not a question of this form",
                       fix: ClosestMatch.suggestion(for: id, among: Array(questions.keys)).map { "did you mean '\($0)'?" } ?? "name a question of the form")
                continue
            }
            let choices: [String]? = if case .singleChoice(let ids, _) = question.kind { ids } else { nil }
            switch part {
            case "plan" where question.kind != .supportPlan:
                report(valueNode, "costing plan: '\(id)' is not a support-plan question", fix: "give '\(id)' kind: support-plan")
            case "rules" where choices == nil:
                report(valueNode, "costing rules: '\(id)' is not a choice question", fix: "make '\(id)' kind: choice with the rules ids as its choices")
            case "option" where choices.map({ !Set($0).isSubset(of: SDSOption.allCases.map(\.rawValue) + [CostingQuestions.noChoice]) }) ?? true:
                report(valueNode, "costing option: '\(id)' must be a choice of option-1, option-2, option-3, option-4 and no-choice",
                       fix: "write choices: [option-1, option-2, option-3, option-4, no-choice]")
            case "decision" where choices.map({ !($0.contains(CostingQuestions.approved) && $0.contains(CostingQuestions.referred)) }) ?? true:
                report(valueNode, "costing decision: '\(id)' must be a choice with approved and referred", fix: "write choices: [approved, referred]")
            case "explained" where question.kind != .yesNo:
                report(valueNode, "costing explained: '\(id)' is not a yes/no question", fix: "give '\(id)' kind: yesno")
            default:
                named[part] = id
            }
        }
        guard let rules = named["rules"], let plan = named["plan"], let option = named["option"], let decision = named["decision"],
              let explained = named["explained"] else { return nil }
        return CostingQuestions(rules: rules, plan: plan, option: option, decision: decision, explained: explained)
    }

    private mutating func readIdentifier(_ parent: Node, key: String, what: String) -> String? {
        guard let node = parent.mapping?[key] else {
            report(parent, "\(what) has no \(key)", fix: "add '\(key): <name>' using lower-case letters, digits and hyphens")
            return nil
        }
        guard let text = node.string, FormFileReader.isIdentifier(text) else {
            report(node, "'\(node.string ?? node.shapeDescription)' cannot be used as an id", fix: "use lower-case letters, digits and hyphens, starting with a letter")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private mutating func readBool(_ parent: Node, key: String, default value: Bool) -> Bool {
        yaml.bool(parent.mapping?[key], key: key) ?? value
    }

    private mutating func readSection(_ node: Node) -> Section? {
        guard node.mapping != nil else {
            report(node, "a section must be a mapping, but this is \(node.shapeDescription)", fix: "start each section with '- id: <section id>'")
            return nil
        }
        yaml.checkKeys(of: node, allowed: FormFileReader.sectionKeys, in: "a section")
        guard let id = readIdentifier(node, key: "id", what: "this section") else { return nil }
        sectionLines[id] = node.line
        var gate: [String] = []
        if let gateNode = node.mapping?["gate"] {
            if let sequence = gateNode.sequence {
                for item in sequence { if let name = yaml.text(item, key: "gate") { gate.append(name) } }
            } else {
                report(gateNode, "gate must be a list of section ids", fix: "write gate: [section-a, section-b]")
            }
        }
        let allowsNothingHere = readBool(node, key: "nothing_here", default: true)
        let nothingHereNote = readNothingHereNote(node, allowsNothingHere: allowsNothingHere)
        let askedOf = readAskedOf(node)
        var questions: [Question] = []
        if let questionsNode = node.mapping?["questions"], let sequence = questionsNode.sequence, !sequence.isEmpty {
            questions = sequence.compactMap { readQuestion($0) }
        } else {
            report(node, "the section '\(id)' has no questions", fix: "add 'questions:' with at least one question")
        }
        if !questions.isEmpty && questions.allSatisfy({ $0.relevant != nil }) {
            report(node, "every question of '\(id)' has a relevant condition, so the section could be empty",
                   fix: "give at least one question no relevant condition")
        }
        return Section(id: id, gate: gate, allowsNothingHere: allowsNothingHere, nothingHereNote: nothingHereNote, askedOf: askedOf, questions: questions)
    }

    private mutating func readQuestion(_ node: Node) -> Question? {
        guard node.mapping != nil else {
            report(node, "a question must be a mapping, but this is \(node.shapeDescription)", fix: "start each question with '- id: <question id>'")
            return nil
        }
        yaml.checkKeys(of: node, allowed: FormFileReader.questionKeys, in: "a question")
        guard let id = readIdentifier(node, key: "id", what: "this question") else { return nil }
        questionLines[id] = node.line
        guard let kindNode = node.mapping?["kind"], let keyword = kindNode.string else {
            report(node, "the question '\(id)' has no kind", fix: "add 'kind:' — one of \(QuestionKind.keywords.joined(separator: ", "))")
            return nil
        }
        let mapping = node.mapping!
        let known = KindKeyword(rawValue: keyword)
        if known == nil {
            report(kindNode, "'\(keyword)' is not a kind of question", fix: ClosestMatch.fix(for: keyword, among: QuestionKind.keywords, noun: "question kinds"))
        }
        // The kind's own keys are read by the type the kind gives them; a key of another kind is reported.
        var settings = KindSettings()
        for key in KindOwnKey.allCases {
            guard let valueNode = mapping[key.rawValue] else { continue }
            if let known, !known.ownKeys.contains(key) {
                let takers = key.kindsHavingIt.map(\.rawValue)
                report(valueNode, "the question '\(id)' is of kind \(keyword), which has no \(key.rawValue)",
                       fix: "remove \(key.rawValue), or use kind: \(takers.joined(separator: " or "))")
                continue
            }
            switch (known ?? .choices).valueType(of: key) {
            case .choiceIDs: settings.choices = readChoiceIDs(valueNode, question: id)
            case .flag: settings.other = readBool(node, key: key.rawValue, default: false)
            case .wholeNumber: settings.wholeNumbers[key] = readWhole(valueNode, key: key.rawValue)
            case .money: settings.money[key] = readMoney(valueNode)
            }
        }
        let kind: QuestionKind
        if let known {
            let made = known.makeKind(settings)
            for problem in made.problems {
                report(problem.key.flatMap { mapping[$0.rawValue] } ?? node, "the question '\(id)' " + problem.message, fix: problem.fix)
            }
            kind = made.kind
        } else {
            // Keep the question under a stand-in kind so its id and words raise no further problems.
            let choices = settings.choices ?? []
            kind = choices.isEmpty ? .text : .multipleChoice(choices: choices, allowsOther: settings.other ?? false)
        }
        let takesChoices = known == .choice || known == .choices
        let choices = kind.choiceIDs
        let relevant = readCondition(mapping["relevant"], key: "relevant")
        let constraint = readCondition(mapping["constraint"], key: "constraint")
        let required = readBool(node, key: "required", default: false)
        let witnessedWhen = readWitnessedWhen(mapping["witnessed_when"], question: id, choices: takesChoices ? choices : nil)
        return Question(id: id, kind: kind, required: required, relevant: relevant, constraint: constraint, askedOf: readAskedOf(node),
                        witnessedWhen: witnessedWhen)
    }

    /// `asked_of:` — who normally answers: one of the speakers, by name.
    private mutating func readAskedOf(_ parent: Node) -> Speaker? {
        guard let node = parent.mapping?["asked_of"] else { return nil }
        let names = Speaker.allCases.map(\.rawValue)
        guard let text = node.string, let speaker = Speaker(rawValue: text) else {
            report(node, "asked_of must be one of \(names.joined(separator: ", ")), not '\(node.string ?? node.shapeDescription)'",
                   fix: ClosestMatch.suggestion(for: node.string ?? "", among: names).map { "did you mean '\($0)'?" }
                       ?? "write asked_of: \(names.joined(separator: "|"))")
            return nil
        }
        return speaker
    }

    /// `nothing_here_note:` — whether marking the section *nothing here* needs a few words on what was explored.
    private mutating func readNothingHereNote(_ parent: Node, allowsNothingHere: Bool) -> NothingHereNote {
        guard let node = parent.mapping?["nothing_here_note"] else { return .optional }
        let names = NothingHereNote.allCases.map(\.rawValue)
        guard let text = node.string, let note = NothingHereNote(rawValue: text) else {
            report(node, "nothing_here_note must be one of \(names.joined(separator: ", ")), not '\(node.string ?? node.shapeDescription)'",
                   fix: "write nothing_here_note: required (or leave it out: a note is then optional)")
            return .optional
        }
        if note == .required && !allowsNothingHere {
            report(node, "nothing_here_note: required on a section with nothing_here: false, which can never be marked",
                   fix: "remove nothing_here_note, or allow nothing_here")
        }
        return note
    }

    /// `choices:` — a list of choice ids; `[]` (already reported) when it is not one.
    private mutating func readChoiceIDs(_ choicesNode: Node, question id: String) -> [String] {
        guard let sequence = choicesNode.sequence, !sequence.isEmpty else {
            report(choicesNode, "choices must be a list with at least one choice id", fix: "write choices: [first, second]")
            return []
        }
        var choices: [String] = []
        var seen = Set<String>()
        for choiceNode in sequence {
            guard let choice = choiceNode.string, FormFileReader.isIdentifier(choice) else {
                report(choiceNode, "'\(choiceNode.string ?? choiceNode.shapeDescription)' cannot be used as a choice id", fix: "use lower-case letters, digits and hyphens")
                continue
            }
            if choice == "other" {
                report(choiceNode, "'other' is kept for \"something else\"", fix: "remove it and write 'other: true' on the question")
                continue
            }
            if !seen.insert(choice).inserted {
                report(choiceNode, "the choice '\(choice)' is listed twice in '\(id)'", fix: "keep one of them")
                continue
            }
            choices.append(choice)
        }
        return choices
    }

    private mutating func readWhole(_ node: Node?, key: String) -> Int? {
        yaml.integer(node, key: key, in: Int.min...Int.max, fix: "write digits only, such as 0 or 168")
    }

    private mutating func readMoney(_ node: Node?) -> Money? {
        guard let node else { return nil }
        guard let text = node.string, let value = try? Money(parsing: text) else {
            report(node, "'\(node.string ?? node.shapeDescription)' is not an amount of money", fix: "write pounds and pence without a £ sign, such as 1500.00")
            return nil
        }
        return value
    }

    private mutating func readCondition(_ node: Node?, key: String) -> Condition? {
        guard let node else { return nil }
        guard let text = node.string, !text.isEmpty else {
            report(node, "\(key) must be a condition written as text", fix: "write it on one line, such as: \(key): has-carer = yes")
            return nil
        }
        do {
            return try Condition(parsing: text)
        } catch where error.kind == .tooDeeplyNested {
            problems.append(FormProblem(file: source.file, line: node.line, refusal: .conditionTooDeep(key: key)))
            return nil
        } catch {
            report(node, "\(key) has a syntax error at column \(error.column) of '\(text)': \(error.message)",
                   fix: "see 'Conditions' in forms/README.md for what a condition can say")
            return nil
        }
    }

    private mutating func checkDuplicateQuestions(_ sections: [Section]) {
        var seen: [String: Int] = [:]
        for question in sections.flatMap(\.questions) {
            let line = questionLines[question.id] ?? 1
            if seen[question.id] != nil {
                // The line recorded is the last occurrence's; name the id so both are easy to find.
                problems.append(FormProblem(file: source.file, line: line, "the question id '\(question.id)' is used more than once in this form",
                                            fix: "give each question its own id — conditions and translations find questions by id"))
            }
            seen[question.id] = line
        }
    }

    private mutating func checkGates(_ form: Form) {
        for (index, section) in form.sections.enumerated() {
            let line = sectionLines[section.id] ?? 1
            for name in section.gate {
                guard let gateIndex = form.sectionIndex(id: name) else {
                    problems.append(FormProblem(file: source.file, line: line, "the gate of '\(section.id)' names '\(name)', which is not a section of this form",
                                                fix: ClosestMatch.fix(for: name, among: form.sections.map(\.id), noun: "section ids")))
                    continue
                }
                if gateIndex >= index {
                    problems.append(FormProblem(file: source.file, line: line, "the gate of '\(section.id)' names '\(name)', which does not come before it",
                                                fix: "a gate can only name earlier sections; move '\(name)' above '\(section.id)'"))
                }
            }
        }
    }

    private mutating func checkConditions(_ form: Form) {
        for question in form.allQuestions {
            let line = questionLines[question.id] ?? 1
            for (condition, isConstraint) in [(question.relevant, false), (question.constraint, true)] {
                guard let condition else { continue }
                for problem in condition.referenceProblems(in: form, for: question.id, isConstraint: isConstraint) {
                    problems.append(FormProblem(file: source.file, line: line, "\(isConstraint ? "constraint" : "relevant") of '\(question.id)': \(problem.message)",
                                                fix: fixText(for: problem, form: form)))
                }
            }
        }
    }

    private func fixText(for problem: ConditionReferenceProblem, form: Form) -> String {
        switch problem {
        case .unknownQuestion(let id):
            ClosestMatch.suggestion(for: id, among: form.allQuestions.map(\.id)).map { "did you mean '\($0)'?" } ?? "name a question of this form"
        default:
            "see 'Conditions' in forms/README.md"
        }
    }
}
