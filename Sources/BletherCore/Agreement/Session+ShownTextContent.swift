/// The words of the texts shown to the person before they say they were gone through — the
/// read-back summary and how the budget was worked out — made once here for every face.
///
/// ```swift
/// switch session.document(of: .costing, words: words, person: "Morag") {
/// case .success(let document): show(document)   // then note document.text's hash with ShownTextViewing
/// case .failure(let unavailable): say(unavailable.message)
/// }
/// ```
extension Session {
    /// The text as it reads now, or what to say instead when it cannot be made yet; its plain
    /// text (``Document/text``) is what is read, and hashed when it is shown.
    package func document(of kind: ShownText, words: ConversationWording, person: String) -> Result<Document, ShownTextUnavailable> {
        let catalog = words.catalog
        switch kind {
        case .summary:
            return .success(ReadBackSummary(session: self, words: words, person: person).document)
        case .costing:
            guard let costing = ConversationCosting(session: self) else {
                return .failure(ShownTextUnavailable(message: catalog.text(.planNoRules, ["question": form.costing.map { words.label($0.rules) } ?? ""])))
            }
            do {
                return .success(try CostingExplanation(costing: costing, words: words).document)
            } catch {
                return .failure(ShownTextUnavailable(message: catalog.text(.costingCannotExplain, ["problem": words.costingProblem(error)])))
            }
        }
    }

    /// The text shown in the section the cursor is in: how the budget was worked out in the
    /// sections that hold the costing, the read-back summary everywhere else.
    package var shownTextHere: ShownText {
        guard let costing = form.costing, let section = currentSection else { return .summary }
        let ids = [costing.rules, costing.plan, costing.option, costing.decision, costing.explained]
        return section.questions.contains { ids.contains($0.id) } ? .costing : .summary
    }
}

/// Why a shown text cannot be made yet, in the person's language.
package struct ShownTextUnavailable: Error, Sendable, Equatable {
    package let message: String
}
