import BletherCore
import Yams

/// What `forms check` asks of a form that records the person's agreement: the summary is read
/// back before the agreement is asked, and `witnessed_when:` names agreement choices and has a
/// witness to name.
extension FormFileReader {
    /// `witnessed_when: [choice ids]`: agreements that need a named witness and an advocate's or
    /// witness's countersignature before the record is complete.
    mutating func readWitnessedWhen(_ node: Node?, question: String, choices: [String]?) -> [String] {
        guard let node else { return [] }
        guard let agreementID = namedRoleIDs[.agreement] else {
            report(node, "witnessed_when only applies to the agreement question, but roles: names no agreement",
                   fix: "add agreement: \(question) under roles: if '\(question)' is the person's agreement, or remove witnessed_when")
            return []
        }
        guard question == agreementID else {
            report(node, "witnessed_when only applies to the agreement question ('\(agreementID)'), not '\(question)'",
                   fix: "move it to the question with id '\(agreementID)'")
            return []
        }
        guard let choices else {
            report(node, "witnessed_when names choices, but '\(question)' is not a choice question", fix: "give '\(question)' kind: choice")
            return []
        }
        guard let sequence = node.sequence, !sequence.isEmpty else {
            report(node, "witnessed_when must be a list of the agreement's choice ids", fix: "write witnessed_when: [cannot-indicate]")
            return []
        }
        var ids: [String] = []
        for item in sequence {
            guard let id = item.string, choices.contains(id) else {
                report(item, "witnessed_when names '\(item.string ?? item.shapeDescription)', which is not a choice of '\(question)'",
                       fix: ClosestMatch.fix(for: item.string ?? "", among: choices, noun: "choices of '\(question)'"))
                continue
            }
            ids.append(id)
        }
        return ids
    }

    /// The agreement comes after a yes/no read-back question; a witnessed agreement has a witness
    /// question. A question roles: names but of the wrong kind is reported once, by the roles check.
    mutating func checkAgreement(_ form: Form) {
        guard let agreement = form.agreement else { return }
        let line = questionLines[agreement.agreement] ?? 1
        let order = form.allQuestions.map(\.id)
        let readBackID = namedRoleIDs[.readBack] ?? FormRole.readBack.keyword
        if let readBack = agreement.readBack {
            if (order.firstIndex(of: readBack) ?? 0) > (order.firstIndex(of: agreement.agreement) ?? 0) {
                problems.append(FormProblem(file: source.file, line: questionLines[readBack] ?? line, "the read-back question '\(readBack)' comes after the agreement '\(agreement.agreement)', so the person would agree before hearing the summary",
                                            fix: "move '\(readBack)' above '\(agreement.agreement)'"))
            }
        } else if form.question(id: readBackID) == nil || namedRoleIDs[.readBack] == nil {
            problems.append(FormProblem(file: source.file, line: line, "the agreement '\(agreement.agreement)' has no read-back before it, so the person would agree to a summary never read to them",
                                        fix: "add a question '- id: \(readBackID)' (kind: yesno, required: true, constraint: . = yes) just above '\(agreement.agreement)', and name it under roles: as read-back: \(readBackID)"))
        }
        if !agreement.witnessedWhen.isEmpty, agreement.witness == nil {
            let witnessID = namedRoleIDs[.witness] ?? FormRole.witness.keyword
            if form.question(id: witnessID) == nil || namedRoleIDs[.witness] == nil {
                problems.append(FormProblem(file: source.file, line: line, "the agreement says witnessed_when, but the form has no question '\(witnessID)' for the witness's name",
                                            fix: "add '- id: \(witnessID)' (kind: line) after '\(agreement.agreement)', and name it under roles: as witness: \(witnessID)"))
            }
        }
    }
}
