import BletherCore
import BletherStore

/// The texts F7 shows the person — the read-back summary, or, in the costing sections, how
/// the budget was worked out — and the yes/no question that says each was gone through.
///
/// ```swift
/// let kind = screen.shownHere                      // .costing in "Working out the budget"
/// if case .success(let document) = screen.document(of: kind) { … }   // shown with F7, page by page
/// ```
extension ConversationScreen {
    /// What F7 shows in the current section.
    var shownHere: ConversationStore.ShownText {
        guard let costing = form.costing, let section = session.currentSection else { return .summary }
        let ids = [costing.rules, costing.plan, costing.option, costing.decision, costing.explained]
        return section.questions.contains { ids.contains($0.id) } ? .costing : .summary
    }

    /// The text a question's "yes" confirms was shown, if it confirms one (the rule is the engine's).
    func confirmedText(by questionID: String) -> ConversationStore.ShownText? {
        session.shownText(confirmedBy: questionID)
    }

    /// The text as it reads now, or what to say instead when it cannot be made yet; its plain
    /// text (``Document/text``) is what is hashed when it is shown.
    func document(of kind: ConversationStore.ShownText) -> Result<Document, ShownTextUnavailable> {
        switch kind {
        case .summary:
            return .success(ReadBackSummary(session: session, words: words, person: summary.person).document)
        case .costing:
            guard let costing = ConversationCosting(session: session) else {
                return .failure(ShownTextUnavailable(message: catalog.text(.planNoRules, ["question": form.costing.map { words.label($0.rules) } ?? ""])))
            }
            do {
                return .success(try CostingExplanation(costing: costing, words: words).document)
            } catch {
                return .failure(ShownTextUnavailable(message: catalog.text(.costingCannotExplain, ["problem": words.costingProblem(error)])))
            }
        }
    }

    /// The title of the box the text is shown in.
    func title(of kind: ConversationStore.ShownText) -> String {
        kind == .summary ? catalog.text(.tuiReadBackTitle) : catalog.text(.costingTitle)
    }

    /// What to say when "yes" is given before the text was shown: to show it, or, when it was
    /// opened but not read to the end, to show every page.
    func showFirst(_ kind: ConversationStore.ShownText) -> String {
        if session.shownTexts.notes[kind] != nil { return catalog.text(kind == .summary ? .tuiReadBackEveryPage : .tuiCostingEveryPage) }
        return kind == .summary ? catalog.text(.tuiReadBackFirst) : catalog.text(.costingShowFirst)
    }
}

/// Why a text cannot be shown yet, in the person's language.
struct ShownTextUnavailable: Error {
    let message: String
}
