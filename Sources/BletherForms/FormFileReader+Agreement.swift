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
        guard question == AgreementQuestions.agreementID else {
            report(node, "witnessed_when only applies to the agreement question ('\(AgreementQuestions.agreementID)'), not '\(question)'",
                   fix: "move it to the question with id '\(AgreementQuestions.agreementID)'")
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

    /// The agreement comes after a yes/no read-back question; a witnessed agreement has a witness question.
    mutating func checkAgreement(_ form: Form) {
        guard let agreement = form.agreement else { return }
        let line = questionLines[agreement.agreement] ?? 1
        let order = form.allQuestions.map(\.id)
        let readBackID = AgreementQuestions.readBackID
        if let readBack = agreement.readBack, let question = form.question(id: readBack) {
            let readBackLine = questionLines[readBack] ?? line
            if question.kind != .yesNo {
                problems.append(FormProblem(file: source.file, line: readBackLine, "the read-back question '\(readBack)' is not a yes/no question",
                                            fix: "give '\(readBack)' kind: yesno and constraint: . = yes"))
            }
            if (order.firstIndex(of: readBack) ?? 0) > (order.firstIndex(of: agreement.agreement) ?? 0) {
                problems.append(FormProblem(file: source.file, line: readBackLine, "the read-back question '\(readBack)' comes after the agreement '\(agreement.agreement)', so the person would agree before hearing the summary",
                                            fix: "move '\(readBack)' above '\(agreement.agreement)'"))
            }
        } else {
            problems.append(FormProblem(file: source.file, line: line, "the agreement '\(agreement.agreement)' has no read-back before it, so the person would agree to a summary never read to them",
                                        fix: "add a question '- id: \(readBackID)' (kind: yesno, required: true, constraint: . = yes) just above '\(agreement.agreement)'"))
        }
        if !agreement.witnessedWhen.isEmpty {
            guard let witness = agreement.witness, let question = form.question(id: witness) else {
                problems.append(FormProblem(file: source.file, line: line, "the agreement says witnessed_when, but the form has no question '\(AgreementQuestions.witnessID)' for the witness's name",
                                            fix: "add '- id: \(AgreementQuestions.witnessID)' (kind: line) after '\(agreement.agreement)'"))
                return
            }
            if question.kind != .line {
                problems.append(FormProblem(file: source.file, line: questionLines[witness] ?? line, "the witness question '\(witness)' is not a line question",
                                            fix: "give '\(witness)' kind: line"))
            }
        }
    }
}
