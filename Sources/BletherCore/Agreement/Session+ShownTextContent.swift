/// The words of the texts shown to the person before they say they were gone through — the
/// read-back summary and how the budget was worked out — made once here for every face.
///
/// ```swift
/// switch session.content(of: .costing, words: words, person: "Morag") {
/// case .success(let text): show(text)          // then note it with ShownTextViewing
/// case .failure(let unavailable): say(unavailable.message)
/// }
/// ```
extension Session {
    /// The text as it reads now, or what to say instead when it cannot be made yet.
    public func content(of kind: ShownText, words: ConversationWording, person: String) -> Result<String, ShownTextUnavailable> {
        let catalog = words.catalog
        switch kind {
        case .summary:
            return .success(ReadBackSummary(session: self, words: words, person: person).text)
        case .costing:
            guard let costing = ConversationCosting(session: self) else {
                return .failure(ShownTextUnavailable(message: catalog.text(.planNoRules, ["question": form.costing.map { words.label($0.rules) } ?? ""])))
            }
            do {
                return .success(try CostingExplanation(costing: costing, words: words).text)
            } catch {
                return .failure(ShownTextUnavailable(message: catalog.text(.costingCannotExplain, ["problem": words.costingProblem(error)])))
            }
        }
    }

    /// The text shown in the section the cursor is in: how the budget was worked out in the
    /// sections that hold the costing, the read-back summary everywhere else.
    public var shownTextHere: ShownText {
        guard let costing = form.costing, let section = currentSection else { return .summary }
        let ids = [costing.rules, costing.plan, costing.option, costing.decision, costing.explained]
        return section.questions.contains { ids.contains($0.id) } ? .costing : .summary
    }
}

/// Why a shown text cannot be made yet, in the person's language.
public struct ShownTextUnavailable: Error, Sendable, Equatable {
    public let message: String
}
