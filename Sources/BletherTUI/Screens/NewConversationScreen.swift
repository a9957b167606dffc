import BletherCore

/// Starting a conversation: which form, the person's name, and who is here.
package struct NewConversationScreen: Sendable {
    let forms: [Form]
    package private(set) var formList: ChoiceList
    package private(set) var name = LineEditor()
    package private(set) var present: ChoiceList?
    /// 0 form, 1 name, 2 who is here, 3 the start button.
    package private(set) var focus = 0
    package var message: ScreenMessage?
    let catalog: Catalog

    package init(forms: [Form], catalog: Catalog) {
        self.forms = forms
        self.catalog = catalog
        formList = ChoiceList(choices: forms.map { ($0.id, catalog.text(FormTextKey.title(form: $0.id))) }, multiple: false, allowsOther: false, otherLabel: "")
        formList.select(.choice(forms.first?.id, other: nil))
        present = NewConversationScreen.presentList(for: forms.first, catalog: catalog)
    }

    /// The question the form's roles name `present` (who is here) is asked here too.
    static func presentList(for form: Form?, catalog: Catalog) -> ChoiceList? {
        guard let form, let question = form.presentQuestion, case .multipleChoice(let ids, let other) = question.kind else { return nil }
        let words = ConversationWording(catalog: catalog, form: form)
        return ChoiceList(choices: ids.map { ($0, words.choiceLabel(question.id, $0)) }, multiple: true, allowsOther: other,
                          otherLabel: catalog.text(.choiceOther))
    }

    var chosenForm: Form? {
        if case .success(.choice(let id?, _)) = formList.value { return forms.first { $0.id == id } }
        return nil
    }

    enum Intent: Equatable { case none, cancel, start(form: Form, person: String, present: AnswerValue?) }

    private var focusCount: Int { 4 }

    mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .escape, .function(10): return .cancel
        case .tab:
            focus = (focus + 1) % focusCount
            if focus == 2 && present == nil { focus = 3 }
            return .none
        case .backTab:
            focus = (focus + focusCount - 1) % focusCount
            if focus == 2 && present == nil { focus = 1 }
            return .none
        case .enter where focus != 3:
            focus += 1
            if focus == 2 && present == nil { focus = 3 }
            return .none
        case .enter, .control("s"):
            return start()
        default:
            break
        }
        switch focus {
        case 0:
            let before = chosenForm?.id
            formList.handle(key)
            if chosenForm?.id != before { present = NewConversationScreen.presentList(for: chosenForm, catalog: catalog) }
        case 1: name.handle(key)
        case 2:
            present?.handle(key)
            if present?.isTyping == true, case .character = key { message = .problem(catalog.text(.tuiChoiceTyping)) }
        default: break
        }
        return .none
    }

    private mutating func start() -> Intent {
        guard let form = chosenForm else { message = .problem(catalog.text(.plainNotAChoice)); focus = 0; return .none }
        let person = name.text.trimmingCharacters(in: .whitespaces)
        guard !person.isEmpty else { message = .problem(catalog.text(.problemEmptyName)); focus = 1; return .none }
        var answer: AnswerValue?
        if let present {
            switch present.value {
            case .failure(let problem):
                message = .problem(ConversationWording(catalog: catalog, form: form).inputProblem(problem)); focus = 2; return .none
            case .success(let value): answer = value.isEmpty ? nil : value
            }
        }
        return .start(form: form, person: person, present: answer)
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame) {
        frame.header(catalog.text(.tuiNewTitle), right: "", into: &grid)
        frame.rule(row: 1, into: &grid)
        let top = 3, bottom = frame.bodyBottom(message, in: grid)
        // Drawn whole on a sheet, then shown through a window that keeps the focused part in view.
        var nowhere = CellGrid(columns: grid.columns, rows: 0, like: grid)
        var sheet = CellGrid(columns: grid.columns, rows: max(drawBody(into: &nowhere, frame: frame).rows, 1), like: grid)
        let body = drawBody(into: &sheet, frame: frame)
        let window = ScrollWindow.around(total: sheet.rows, height: bottom - top + 1, keep: body.focus, caret: body.caret.row)
        grid.paste(sheet, from: window.first, count: window.count, row: top + window.offset, column: 0)
        frame.moreSigns(window, top: top, bottom: bottom, column: 2, width: min(grid.columns - 4, 76), into: &grid)
        if window.shown.contains(body.caret.row) {
            grid.cursor = GridPoint(row: top + window.offset + body.caret.row - window.first, column: body.caret.column)
        }
        frame.message(message, into: &grid)
        frame.keyBar([.tuiKeyNext, .tuiKeyBack, .tuiKeyChoose, .tuiKeyClose], into: &grid)
    }

    /// The form list, the name, who is here and the start button, from the sheet's first row; returns
    /// the rows used, the rows of the part in focus, and the caret.
    private func drawBody(into grid: inout CellGrid, frame: ScreenFrame) -> (rows: Int, focus: Range<Int>, caret: GridPoint) {
        var row = 0
        var focusRows = 0..<0
        var caret = GridPoint(row: 0, column: 2)
        let width = min(grid.columns - 4, 76)
        func heading(_ key: UIText, _ index: Int) {
            for line in TextLayout.lines(catalog.text(key), width: width) {
                grid.write(line, row: row, column: 2, style: CellStyle(.heading, bold: focus == index))
                row += 1
            }
        }
        var start = row
        heading(.tuiNewForm, 0)
        let forms = formList.draw(into: &grid, row: row, column: 4, width: width - 2, chosenWord: catalog.text(.tuiChosen), glyphs: frame.glyphs, focused: focus == 0)
        if focus == 0 { caret = forms.caret; focusRows = start..<(row + forms.rows) }
        row += forms.rows + 1
        start = row
        heading(.tuiNewPerson, 1)
        let name = self.name.drawWrapped(into: &grid, row: row, column: 4, width: min(width - 2, 50), style: CellStyle(.field, underline: true))
        if focus == 1 { caret = name.caret; focusRows = start..<(row + name.rows) }
        row += name.rows + 1
        if let present {
            start = row
            heading(.tuiNewPresent, 2)
            let drawn = present.draw(into: &grid, row: row, column: 4, width: width - 2, chosenWord: catalog.text(.tuiChosen), glyphs: frame.glyphs, focused: focus == 2)
            if focus == 2 { caret = drawn.caret; focusRows = start..<(row + drawn.rows) }
            row += drawn.rows + 1
        }
        let button = "[ " + catalog.text(.tuiNewStart) + " ]"
        grid.write(button, row: row, column: 2, style: CellStyle(focus == 3 ? .selected : .normal, bold: true))
        if focus == 3 { caret = GridPoint(row: row, column: 4); focusRows = row..<(row + 1) }
        return (row + 1, focusRows, caret)
    }
}

import Foundation
