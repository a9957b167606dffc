import BletherCore
import BletherStore

/// A team leader or service manager deciding a referred budget: the costing as the person
/// was shown it, approve or refuse, and the reasons in plain words; F9 signs the decision
/// with this data directory's own key as the record's next revision.
///
/// ```swift
/// var screen = DecisionScreen(summary: summary, explanation: content.costingExplanation ?? "", catalog: catalog)
/// screen.handle(.character("2"))   // refuse
/// ```
public struct DecisionScreen: Sendable {
    public let summary: ConversationSummary
    /// How the amount was worked out, exactly as signed into the record.
    public let explanation: String
    let catalog: Catalog
    public internal(set) var outcome: ChoiceList
    public internal(set) var reasons = TextEditor()
    /// 0: approve or refuse; 1: the reasons.
    public internal(set) var focus = 0
    /// The first explanation line shown.
    public internal(set) var scroll = 0
    public var message: ScreenMessage?

    public init(summary: ConversationSummary, explanation: String, catalog: Catalog) {
        self.summary = summary
        self.explanation = explanation
        self.catalog = catalog
        outcome = ChoiceList(choices: [("approved", catalog.text(.decisionApprove)), ("refused", catalog.text(.decisionRefuse))],
                             multiple: false, allowsOther: false, otherLabel: "")
    }

    /// What the decider chose: `approved`, `refused`, or `nil` before choosing.
    public var chosen: String? {
        if case .success(.choice(let id?, _)) = outcome.value { return id }
        return nil
    }

    enum Intent: Equatable { case none, back, sign }

    mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .escape: return .back
        case .tab, .backTab: focus = 1 - focus; return .none
        case .pageDown: scroll += 5; return .none
        case .pageUp: scroll = max(scroll - 5, 0); return .none
        case .function(9):
            guard let chosen else { message = .problem(catalog.text(.decisionChooseFirst)); return .none }
            if chosen == "refused" && reasons.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                message = .problem(catalog.text(.decisionReasonsNeeded))
                focus = 1
                return .none
            }
            return .sign
        default:
            if focus == 0 {
                if key == .enter { focus = 1; return .none }
                _ = outcome.handle(key)
            } else {
                _ = reasons.handle(key)
            }
            message = nil
            return .none
        }
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        frame.header(catalog.text(.decisionScreenTitle, ["person": summary.person]), right: catalog.conversationState(summary.state), into: &grid)
        let width = grid.columns - 4
        let formRows = 2 + 1 + 4 + 1
        let bodyTop = 2, bodyBottom = grid.rows - 3 - formRows
        let lines = explanation.components(separatedBy: "\n").flatMap { line -> [String] in
            let indent = String(line.prefix { $0 == " " })
            return TextLayout.lines(String(line.dropFirst(indent.count)), width: max(width - indent.count, 10)).map { indent + $0 }
        }
        let first = min(scroll, max(lines.count - (bodyBottom - bodyTop + 1), 0))
        for (offset, line) in lines.dropFirst(first).prefix(bodyBottom - bodyTop + 1).enumerated() {
            grid.write(line, row: bodyTop + offset, column: 2, style: CellStyle(.normal), limit: 2 + width)
        }
        frame.rule(row: bodyBottom + 1, into: &grid)
        var row = bodyBottom + 2
        let drawn = outcome.draw(into: &grid, row: row, column: 2, width: width, chosenWord: catalog.text(.tuiChosen), glyphs: frame.glyphs,
                                 focused: focus == 0)
        row += drawn.rows
        grid.write(catalog.text(.decisionReasonsLabel), row: row, column: 2, style: CellStyle(.normal, bold: focus == 1), limit: 2 + width)
        row += 1
        var editor = reasons
        let caret = editor.draw(into: &grid, row: row, column: 4, width: width - 2, height: 3, style: CellStyle(.field, underline: true))
        grid.cursor = focus == 0 ? drawn.caret : caret
        frame.message(message, into: &grid)
        frame.keyBar([.decisionKeys], into: &grid)
    }
}
