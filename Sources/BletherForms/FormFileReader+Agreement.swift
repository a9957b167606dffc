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
        // Every part of the agreement is always asked, in the agreement's own section.
        let parts: [(FormRole, String?)] = [(.readBack, agreement.readBack), (.agreement, agreement.agreement), (.witness, agreement.witness)]
        for case let (role, id?) in parts {
            guard let question = form.question(id: id) else { continue }
            let at = questionLines[id] ?? line
            if form.section(containing: id)?.id != agreement.section {
                problems.append(FormProblem(file: source.file, line: at, "the \(role.keyword) question '\(id)' is not in the agreement's section '\(agreement.section)', so it would not be asked with the agreement",
                                            fix: "move '\(id)' into the section '\(agreement.section)'"))
            }
            if question.relevant != nil {
                problems.append(FormProblem(file: source.file, line: at, "the \(role.keyword) question '\(id)' has relevant:, so it could go unasked and the agreement's rules with it",
                                            fix: "remove relevant: from '\(id)'"))
            }
            if role != .witness, !question.required {
                problems.append(FormProblem(file: source.file, line: at, "the \(role.keyword) question '\(id)' is not required, so it could be left unanswered",
                                            fix: "add required: true to '\(id)'"))
            }
        }
        // After the agreement only the worker's own part may come: whatever the person says is read back first.
        if let index = form.sectionIndex(id: agreement.section) {
            for section in form.sections.dropFirst(index + 1) {
                for question in section.questions where (question.askedOf ?? section.askedOf) != .worker {
                    problems.append(FormProblem(file: source.file, line: questionLines[question.id] ?? line,
                                                "the question '\(question.id)' comes after the agreement's section and is not asked of the worker, so what the person says to it would be signed without being read back to them",
                                                fix: "move it above the section '\(agreement.section)', or, if it is the worker's own part, write asked_of: worker on its section"))
                }
            }
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
