/// The rules that keep the person's agreement honest, for every face:
/// - "yes, it was read back (gone through)" only once every page of that text was shown;
/// - the agreement is given to the read-back shown, whose hash it keeps;
/// - any change to what was read back clears the read-back and agreement answers, so the
///   person is asked again; a change to what the costing explanation shows withdraws it;
/// - a witness is required when the agreement is one the form says needs witnessing.
extension Session {
    /// The text a question's "yes" says was gone through with the person, if it says so of one.
    ///
    /// ```swift
    /// session.shownText(confirmedBy: "read-back")   // .summary
    /// ```
    package func shownText(confirmedBy questionID: String) -> ShownText? {
        if questionID == form.agreement?.readBack { return .summary }
        if questionID == form.costing?.explained { return .costing }
        return nil
    }

    /// Whether a question must be answered before its section counts as answered: required by the
    /// form, or the witness when the agreement given needs one.
    package func isRequired(_ question: Question) -> Bool {
        // Checked on every redraw for every question: the id first, before the form is searched.
        guard !question.required else { return true }
        guard question.id == form.roles[.witness], let agreement = form.agreement else { return false }
        return agreement.needsWitness(answers[agreement.agreement]?.value)
    }

    func requireGoneThrough(_ question: Question, _ value: AnswerValue) throws(SessionRefusal) {
        if value == .yesNo(true), let kind = shownText(confirmedBy: question.id), !shownTexts.isGoneThrough(kind) {
            throw .notGoneThrough(kind)
        }
        if let agreement = form.agreement, question.id == agreement.agreement, agreement.readBack != nil, !value.isEmpty,
           !shownTexts.isGoneThrough(.summary) {
            throw .notGoneThrough(.summary)
        }
    }

    /// What must follow from the answers and marks that changed since `before`.
    mutating func agreementEffects(since before: Session) -> [SessionEffect] {
        let changed = Set(answers.keys).union(before.answers.keys).filter { answers[$0]?.value != before.answers[$0]?.value }
        let changedMarks = Set(marks.keys).symmetricDifference(before.marks.keys)
        guard !changed.isEmpty || !changedMarks.isEmpty else { return [] }
        var effects: [SessionEffect] = []
        let agreement = form.agreement
        let readBackChanged = changed.contains(where: form.isReadBack) || changedMarks.contains { section in
            guard let agreement, let index = form.sectionIndex(id: section), let end = form.sectionIndex(id: agreement.section) else { return false }
            return index < end
        }
        if readBackChanged {
            if shownTexts.notes.removeValue(forKey: .summary) != nil { effects.append(.withdrawShown(.summary)) }
            if let agreement {
                let asked = [agreement.readBack, agreement.agreement].compactMap { $0 }.filter { answers[$0] != nil && !changed.contains($0) }
                for question in asked {
                    answers.removeValue(forKey: question)
                    effects.append(.deleteAnswer(question: question))
                }
                if !asked.isEmpty { effects.append(.agreementCleared) }
            }
        }
        // Only the costing's own answers (the rules chosen up to "gone through") change what was
        // explained; anything else that changes the words is caught by the hash at signing.
        if let costing = form.costing, shownTexts.notes[.costing] != nil {
            let order = form.allQuestions.map(\.id)
            let start = order.firstIndex(of: costing.rules) ?? 0
            let end = order.firstIndex(of: costing.explained) ?? order.count
            if changed.contains(where: { $0 != costing.explained && (start..<end).contains(order.firstIndex(of: $0) ?? order.count) }) {
                shownTexts.notes.removeValue(forKey: .costing)
                effects.append(.withdrawShown(.costing))
            }
        }
        if let agreement {
            if isAnswered(agreement.agreement), changed.contains(agreement.agreement), let readBack = shownTexts.notes[.summary] {
                shownTexts.agreedTo = readBack
                effects.append(.saveAgreedReadBack)
            } else if !isAnswered(agreement.agreement), shownTexts.agreedTo != nil {
                shownTexts.agreedTo = nil
                effects.append(.withdrawAgreement)
            }
        }
        if !effects.isEmpty, !isValid(cursor) {
            cursor = firstCursor(from: 0)
            effects.append(.saveCursor)
        }
        return effects
    }
}
