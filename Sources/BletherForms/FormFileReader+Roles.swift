import BletherCore
import Yams

/// The `roles:` block: which question plays each part Blether's own rules depend on (who is
/// here, the read-back, the agreement, its witness). Every form has the block (`roles: {}`
/// when no question plays a part), and a question that has a role's name but is not named
/// for it is reported, so that no rule is ever turned on or off by an id alone.
extension FormFileReader {
    /// Reads the role names and question ids as written, before the questions are read
    /// (`witnessed_when:` needs to know which question is the agreement).
    mutating func readRoleNames(_ node: Node?) -> [FormRole: (id: String, node: Node)] {
        guard let pairs = yaml.pairs(node, key: "roles", fix: "write roles: with one 'role: question-id' line for each part") else { return [:] }
        let names = FormRole.allCases.map(\.keyword)
        var named: [FormRole: (id: String, node: Node)] = [:]
        var roleOfQuestion: [String: FormRole] = [:]
        for pair in pairs {
            guard let role = FormRole(rawValue: pair.key) else {
                report(pair.keyNode, "'\(pair.key)' is not a role a question can play", fix: ClosestMatch.fix(for: pair.key, among: names, noun: "roles"))
                continue
            }
            guard let id = yaml.text(pair.value, key: "roles \(role.keyword)"), !id.isEmpty else {
                if pair.value.string?.isEmpty == true {
                    report(pair.value, "roles \(role.keyword): names no question", fix: "write \(role.keyword): <question id>, or remove the line")
                }
                continue
            }
            if let other = roleOfQuestion[id] {
                report(pair.value, "the question '\(id)' is named for two roles, \(other.keyword) and \(role.keyword)",
                       fix: "each role needs a question of its own; name another question for \(role.keyword)")
                continue
            }
            roleOfQuestion[id] = role
            named[role] = (id, pair.value)
        }
        return named
    }

    /// Checks each named question exists, is of the kind its role needs and stands where it
    /// must; returns the roles that can be played. Reports a question that has a role's name
    /// but is not named for it.
    mutating func checkRoles(_ named: [FormRole: (id: String, node: Node)], sections: [Section]) -> FormRoles {
        let questions = sections.flatMap(\.questions)
        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var playable: [FormRole: String] = [:]
        for role in FormRole.allCases {
            guard let (id, node) = named[role] else { continue }
            guard let question = byID[id] else {
                report(node, "roles \(role.keyword): names '\(id)', which is not a question of this form",
                       fix: ClosestMatch.suggestion(for: id, among: questions.map(\.id)).map { "did you mean '\($0)'?" }
                           ?? "name a question of the form, or remove the line")
                continue
            }
            guard role.accepts(question.kind) else {
                report(node, "roles \(role.keyword): '\(id)' is of kind \(question.kind.keyword), but the \(role.keyword) must be kind: \(role.kindKeyword.rawValue)",
                       fix: "give '\(id)' kind: \(role.kindKeyword.rawValue), or name another question")
                continue
            }
            if role == .present, questions.first?.id != id {
                report(node, "roles present: '\(id)' is not the form's first question, but who is here is asked first, as the conversation starts",
                       fix: "move '\(id)' to the top of the first section")
                continue
            }
            playable[role] = id
        }
        if named[.agreement] == nil {
            for role in [FormRole.readBack, .witness] {
                guard let (_, node) = named[role] else { continue }
                report(node, "roles \(role.keyword): belongs to an agreement, but roles: names no agreement",
                       fix: "add agreement: <question id> under roles:, or remove \(role.keyword):")
            }
        }
        for role in FormRole.allCases where named[role]?.id != role.keyword {
            guard byID[role.keyword] != nil else { continue }
            let line = questionLines[role.keyword] ?? 1
            problems.append(FormProblem(file: source.file, line: line,
                                        "the question '\(role.keyword)' has the name of the \(role.keyword) role, but roles: does not name it for that role, so no \(role.keyword) rule would apply to it",
                                        fix: "add '\(role.keyword): \(role.keyword)' under roles: (see 'Roles' in forms/README.md), or give the question another id"))
        }
        return FormRoles(playable)
    }
}
