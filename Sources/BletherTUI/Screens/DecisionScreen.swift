import BletherCore

/// A team leader or service manager deciding a referred budget: the costing as the person
/// was shown it, approve or refuse, and the reasons in plain words; F9 signs the decision
/// with this data directory's own key as the record's next revision.
///
/// ```swift
/// var screen = DecisionScreen(summary: summary, explanation: content.costingDocument(words) ?? Document(sections: []), catalog: catalog)
/// screen.handle(.character("2"))   // refuse
/// ```
package struct DecisionScreen: Sendable {
    package let summary: ConversationSummary
    /// How the amount was worked out, exactly as signed into the record.
    /// What is to be decided, then how the budget was worked out, as signed.
    package let explanation: Document
    let catalog: Catalog
    package internal(set) var outcome: ChoiceList
    package internal(set) var reasons = TextEditor()
    /// The decider's key file, brought to this laptop; empty for this laptop's own key.
    package internal(set) var keyFile = LineEditor()
    /// 0: approve or refuse; 1: the reasons; 2: the key file.
    package internal(set) var focus = 0
    /// The first explanation line shown.
    package internal(set) var scroll = 0
    package var message: ScreenMessage?

    package init(summary: ConversationSummary, explanation: Document, catalog: Catalog) {
        self.summary = summary
        self.explanation = explanation
        self.catalog = catalog
        outcome = ChoiceList(choices: [(DecisionOutcome.approved.rawValue, catalog.text(.decisionApprove)),
                                       (DecisionOutcome.refused.rawValue, catalog.text(.decisionRefuse))],
                             multiple: false, allowsOther: false, otherLabel: "")
    }

    /// What the decider chose, or `nil` before choosing.
    package var chosen: DecisionOutcome? {
        if case .success(.choice(let id?, _)) = outcome.value { return DecisionOutcome(rawValue: id) }
        return nil
    }

    enum Intent: Equatable { case none, back, sign }

    mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .escape: return .back
        case .tab: focus = (focus + 1) % 3; return .none
        case .backTab: focus = (focus + 2) % 3; return .none
        case .pageDown: scroll += 5; return .none
        case .pageUp: scroll = max(scroll - 5, 0); return .none
        case .function(9):
            guard let chosen else { message = .problem(catalog.text(.decisionChooseFirst)); return .none }
            if chosen == .refused && !AnswerText.hasWords(reasons.text) {
                message = .problem(catalog.text(.decisionReasonsNeeded))
                focus = 1
                return .none
            }
            return .sign
        default:
            switch focus {
            case 0:
                if key == .enter { focus = 1; return .none }
                _ = outcome.handle(key)
            case 1: _ = reasons.handle(key)
            default: _ = keyFile.handle(key)
            }
            message = nil
            return .none
        }
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        frame.header(catalog.text(.decisionScreenTitle, ["person": BidiLine.personsWords(summary.person)]), right: catalog.conversationState(summary.state), into: &grid)
        let width = grid.columns - 4
        let reasonsLabel = TextLayout.lines(catalog.text(.decisionReasonsLabel), width: width)
        let keyLabel = TextLayout.lines(catalog.text(.decisionKeyLabel), width: width)
        let formRows = 2 + reasonsLabel.count + 3 + keyLabel.count + 1 + 1
        let bodyTop = 2, bodyBottom = grid.rows - 3 - formRows
        let lines = DocumentView.lines(explanation, width: width)
        let first = min(scroll, max(lines.count - (bodyBottom - bodyTop + 1), 0))
        for (offset, line) in lines.dropFirst(first).prefix(max(bodyBottom - bodyTop + 1, 0)).enumerated() {
            grid.write(line.text, row: bodyTop + offset, column: 2, style: CellStyle(.normal, bold: line.isHeading), limit: 2 + width)
        }
        frame.rule(row: bodyBottom + 1, into: &grid)
        var row = bodyBottom + 2
        let drawn = outcome.draw(into: &grid, row: row, column: 2, width: width, chosenWord: catalog.text(.tuiChosen), glyphs: frame.glyphs,
                                 focused: focus == 0)
        row += drawn.rows
        for line in reasonsLabel {
            grid.write(line, row: row, column: 2, style: CellStyle(.normal, bold: focus == 1), limit: 2 + width)
            row += 1
        }
        var editor = reasons
        let caret = editor.draw(into: &grid, row: row, column: 4, width: width - 2, height: 3, style: CellStyle(.field, underline: true))
        row += 3
        for line in keyLabel {
            grid.write(line, row: row, column: 2, style: CellStyle(.normal, bold: focus == 2), limit: 2 + width)
            row += 1
        }
        let keyCaret = keyFile.draw(into: &grid, row: row, column: 4, width: width - 2, style: CellStyle(.field, underline: true))
        grid.cursor = [drawn.caret, caret, keyCaret][focus]
        frame.message(message, into: &grid)
        frame.keyBar([.decisionKeys], into: &grid)
    }
}
