import BletherCore

extension ConversationScreen {
    /// Draws the conversation at the grid's size.
    mutating func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let speaker = catalog.text(.tuiSpeaking, ["speaker": words.speakerName(session.speaker)])
        let headerRows = frame.header(catalog.text(.tuiHeader, ["person": BidiLine.personsWords(summary.person), "form": words.formTitle]), right: speaker, into: &grid)
        var progress = words.progress(of: session)
        if let section = session.currentSection {
            progress += " · " + catalog.text(.tuiSectionState, ["state": words.state(session.state(of: section))])
        }
        // The progress line wraps rather than losing its end (how many required questions are left).
        let progressLines = TextLayout.lines(progress, width: grid.columns - 2).prefix(3)
        for (offset, line) in progressLines.enumerated() {
            grid.write(" " + line, row: headerRows + offset, column: 0, style: CellStyle(.heading))
        }
        let ruleRow = headerRows + progressLines.count
        frame.rule(row: ruleRow, into: &grid)

        let paneWidth = sectionPaneWidth(columns: grid.columns)
        let bar = barMessage
        let bodyTop = ruleRow + 1, bodyBottom = frame.bodyBottom(bar, in: grid)
        drawSectionList(into: &grid, frame: frame, width: paneWidth, top: bodyTop, bottom: bodyBottom)
        for row in bodyTop...bodyBottom {
            grid.write(String(frame.glyphs.vertical), row: row, column: paneWidth, style: CellStyle(.muted))
        }
        drawContent(into: &grid, frame: frame, column: paneWidth + 2, width: grid.columns - paneWidth - 3, top: bodyTop, bottom: bodyBottom)
        frame.message(bar, into: &grid)
        frame.keyBar(keys, into: &grid)
    }

    /// What the foot of the screen says: every message but a problem with the focused question's
    /// answer, which is said under the question itself.
    var barMessage: ScreenMessage? {
        if case .answerProblem(let question, _)? = message, question == session.currentQuestion?.id, editor != nil, sectionListFocus == nil {
            return nil
        }
        return message
    }

    /// The widest a state is said in the section list.
    private var stateWidth: Int {
        [UIText.tuiShortLocked, .tuiShortNotStarted, .tuiShortInProgress, .tuiShortAnswered, .tuiShortNothingHere]
            .map { TextWidth.of(catalog.text($0)) }.max() ?? 8
    }

    /// The section list is as wide as its titles, numbers and states need, but never more than two
    /// fifths of the screen, so the questions keep the larger part; longer titles wrap.
    private func sectionPaneWidth(columns: Int) -> Int {
        let longest = form.sections.map { TextWidth.of(words.sectionTitle($0.id)) }.max() ?? 0
        let natural = max(4 + longest + 1 + stateWidth + 1, TextWidth.of(catalog.text(.tuiSections)) + 2)
        return max(min(natural, columns * 2 / 5), 24)
    }

    private func shortState(_ state: SectionState) -> String {
        switch state {
        case .locked: catalog.text(.tuiShortLocked)
        case .notStarted: catalog.text(.tuiShortNotStarted)
        case .inProgress: catalog.text(.tuiShortInProgress)
        case .answered: catalog.text(.tuiShortAnswered)
        case .nothingHere: catalog.text(.tuiShortNothingHere)
        }
    }

    private func drawSectionList(into grid: inout CellGrid, frame: ScreenFrame, width: Int, top: Int, bottom: Int) {
        let stateWidth = stateWidth
        grid.write(" " + catalog.text(.tuiSections), row: top, column: 0, style: CellStyle(.heading, bold: true), limit: width)
        let current = session.currentSection.flatMap { form.sectionIndex(id: $0.id) }
        let focusIndex = sectionListFocus ?? current ?? 0
        let states = session.sectionStates
        // Each section's rows: its number and title, wrapped under the title, the state on the first.
        let titleWidth = max(width - 4 - 1 - stateWidth - 1, 8)
        var rows: [(section: Int, line: Int, text: String)] = []
        var focusRows = 0..<0
        for (offset, section) in form.sections.enumerated() {
            let start = rows.count
            for (line, text) in TextLayout.lines(words.sectionTitle(section.id), width: titleWidth).enumerated() {
                rows.append((offset, line, text))
            }
            if offset == focusIndex { focusRows = start..<rows.count }
        }
        let listTop = top + 1
        var window = ScrollWindow.around(total: rows.count, height: bottom - top, keep: focusRows)
        // A scrolled list starts with a section's first line, not the end of a wrapped title: the window
        // moves back to the section's start, or on to the next one, whichever still shows the focus whole.
        if window.moreAbove, rows[window.first].line > 0 {
            let back = window.first - rows[window.first].line
            let on = rows[window.first...].firstIndex { $0.line == 0 }
            for start in [back, on].compactMap({ $0 }) {
                let snapped = ScrollWindow.from(first: start, total: rows.count, height: bottom - top)
                guard snapped.first == start || !snapped.moreAbove, snapped.shown.contains(focusRows.lowerBound),
                      focusRows.upperBound <= snapped.shown.upperBound else { continue }
                window = snapped
                break
            }
        }
        for (index, entry) in rows[window.shown].enumerated() {
            let row = listTop + window.offset + index
            let offset = entry.section, section = form.sections[offset]
            let isCurrent = offset == current
            let isHighlighted = sectionListFocus == offset
            let state = states[section.id] ?? .notStarted
            let style: CellStyle
            if isHighlighted { style = CellStyle(.selected, bold: true) }
            else if isCurrent { style = CellStyle(.normal, bold: true) }
            else if case .locked = state { style = CellStyle(.muted) }
            else { style = .normal }
            grid.fill(row: row, from: 0, to: width, style: style)
            grid.mark(.section(offset), row: row, columns: 0..<width)
            if entry.line == 0 {
                let marker = isCurrent ? frame.glyphs.current : " "
                let number = offset + 1 < 10 ? " \(offset + 1)" : "\(offset + 1)"
                grid.write("\(marker)\(number) \(entry.text)", row: row, column: 0, style: style, limit: width)
                grid.write(shortState(state), row: row, column: width - stateWidth - 1, style: style, limit: width)
                if isHighlighted { grid.cursor = GridPoint(row: row, column: 1) }
            } else {
                grid.write("    " + entry.text, row: row, column: 0, style: style, limit: width)
            }
        }
        frame.moreSigns(window, top: listTop, bottom: bottom, column: 0, width: width, into: &grid)
    }

    /// One drawn line of the content pane, or the place where the editor goes.
    private enum PaneLine {
        case text(String, CellStyle)
        case editor
    }

    private mutating func drawContent(into grid: inout CellGrid, frame: ScreenFrame, column: Int, width: Int, top: Int, bottom: Int) {
        var lines: [PaneLine] = []
        // The focused question, its problem and its answer, kept in view; and where the cursor rests, if not in the editor.
        var focusRange = 0..<0
        var cursorLine: Int?
        // Which lines belong to which question: a click there focuses it.
        var clickable: [(lines: Range<Int>, question: String)] = []
        if let section = session.currentSection {
            let sectionIndex = form.sectionIndex(id: section.id) ?? 0
            for line in TextLayout.lines(words.sectionTitle(section.id), width: width) { lines.append(.text(line, CellStyle(.heading, bold: true))) }
            for line in TextLayout.lines(words.sectionIntro(section.id), width: width) { lines.append(.text(line, CellStyle(.muted))) }
            lines.append(.text("", .normal))
            if case .lockedSection = session.cursor {
                let needing = session.sectionsNeeding(before: section)
                let text = catalog.text(.tuiLockedHere, ["section": words.sectionTitle(section.id), "sections": words.sectionList(needing)]
                    .merging(KeyShortcut.sentenceNames) { named, _ in named })
                let start = lines.count
                for line in TextLayout.lines(text, width: width) { lines.append(.text(line, CellStyle(.problem, bold: true))) }
                focusRange = start..<lines.count
                cursorLine = start
            } else {
                appendQuestions(of: section, number: sectionIndex + 1, into: &lines, focus: &focusRange, clickable: &clickable, frame: frame, width: width)
            }
        } else {
            for line in TextLayout.lines(catalog.text(.tuiFinished, KeyShortcut.sentenceNames), width: width) { lines.append(.text(line, CellStyle(.heading))) }
            focusRange = 0..<lines.count
            cursorLine = 0
        }

        // Everything is drawn whole on a sheet the pane's width, then shown through a window that
        // keeps the focus (and the caret in it) in view, saying when there is more above or below.
        let editorRows = editor.map { _ in measureEditor(width: width - 2, frame: frame, like: grid) } ?? 0
        let heights = lines.map { if case .editor = $0 { editorRows } else { 1 } }
        func rowsBefore(_ index: Int) -> Int { heights[..<min(index, heights.count)].reduce(0, +) }
        var sheet = CellGrid(columns: width, rows: max(heights.reduce(0, +), 1), like: grid)
        var caret: GridPoint?
        var row = 0
        for (index, line) in lines.enumerated() {
            switch line {
            case .text(let text, let style):
                sheet.write(text, row: row, column: 0, style: style, limit: width)
                if let question = clickable.first(where: { $0.lines.contains(index) })?.question {
                    sheet.mark(.question(question), row: row, columns: 0..<width)
                }
                row += 1
            case .editor:
                caret = drawEditor(into: &sheet, row: row, column: 2, width: width - 2, frame: frame).caret
                row += editorRows
            }
        }
        if caret == nil, let cursorLine { caret = GridPoint(row: rowsBefore(cursorLine), column: 0) }
        let window = ScrollWindow.around(total: sheet.rows, height: bottom - top + 1,
                                         keep: rowsBefore(focusRange.lowerBound)..<rowsBefore(focusRange.upperBound), caret: caret?.row)
        grid.paste(sheet, from: window.first, count: window.count, row: top + window.offset, column: column)
        frame.moreSigns(window, top: top, bottom: bottom, column: column, width: width, into: &grid)
        if sectionListFocus == nil, let caret, window.shown.contains(caret.row) {
            grid.cursor = GridPoint(row: top + window.offset + caret.row - window.first, column: column + caret.column)
        }
    }

    /// The section's questions: each label, and the saved answer in full or, for the focused one,
    /// who is speaking, its hint, any problem with its answer, the editor and the instruction.
    private func appendQuestions(of section: Section, number: Int, into lines: inout [PaneLine], focus focusRange: inout Range<Int>,
                                 clickable: inout [(lines: Range<Int>, question: String)], frame: ScreenFrame, width: Int) {
        let focused = session.currentQuestion?.id
        for question in session.relevantQuestions(in: section) {
            let position = (section.questions.firstIndex { $0.id == question.id } ?? 0) + 1
            var label = "\(number).\(position) \(words.label(question.id))"
            if question.required { label += " " + catalog.text(.questionRequired) }
            let isFocused = question.id == focused
            let start = lines.count
            if isFocused { label += " — " + catalog.text(.tuiFocus) }
            for line in TextLayout.lines(label, width: width) { lines.append(.text(line, CellStyle(.normal, bold: isFocused))) }
            if isFocused, editor != nil {
                // Whose words this answer will be, beside the question, before it is saved.
                let speaking = catalog.text(.tuiSpeakerHere, ["speaker": words.speakerName(session.speaker)])
                for line in TextLayout.lines(speaking, width: width - 2) { lines.append(.text("  " + line, CellStyle(.heading, bold: true))) }
                if let hint = words.hint(question.id) {
                    for line in TextLayout.lines(hint, width: width - 2) { lines.append(.text("  " + line, CellStyle(.muted))) }
                }
                // A problem with the answer is said here, under the question and its hint, above the field (as on
                // GOV.UK's forms), where the eye and the cursor are.
                if case .answerProblem(question.id, _)? = message, let said = message.map({ frame.said($0, width: width - 2) }) {
                    for line in said.lines { lines.append(.text("  " + line, said.style)) }
                }
                lines.append(.editor)
                if let text = instruction(for: question) {
                    for line in TextLayout.lines(text, width: width - 2) { lines.append(.text("  " + line, CellStyle(.muted))) }
                }
                focusRange = start..<lines.count
            } else if let answer = session.answers[question.id], !answer.value.isEmpty {
                // The person's words in their own direction, line by line.
                let text = words.answerText(answer.value, question: question.id)
                let direction = BidiLine.direction(of: text)
                for line in TextLayout.lines(text, width: width - 2) {
                    lines.append(.text("  " + BidiLine.personsWords(line, direction: direction), .normal))
                }
            } else {
                lines.append(.text("  " + catalog.text(.answerNone), CellStyle(.muted)))
            }
            clickable.append((start..<lines.count, question.id))
            lines.append(.text("", .normal))
        }
    }

    /// The kind's own instruction, except where the screen has something more pressing to say.
    private func instruction(for question: Question) -> String? {
        switch question.kind.editingStyle {
        case .yesOrNo where session.shownText(confirmedBy: question.id).map { !session.shownTexts.isGoneThrough($0) } == true:
            return session.shownText(confirmedBy: question.id).map(showFirst)
        case .entries:
            if case .list(let list)? = editor, list.form != nil { return catalog.text(.tuiItemSave) }
            return nil
        case .severalLines, .oneLine, .choiceList, .yesOrNo, .numberRow:
            return question.kind.instruction(question: question.id, words: words, lineByLine: false)
        }
    }

    /// The rows the editor takes at `width`: drawn once where nothing shows, to count them.
    private func measureEditor(width: Int, frame: ScreenFrame, like grid: CellGrid) -> Int {
        var nowhere = CellGrid(columns: width, rows: 0, like: grid)
        var copy = self
        return copy.drawEditor(into: &nowhere, row: 0, column: 0, width: width, frame: frame).rows
    }

    /// Draws the focused question's editor whole; returns the rows it took and its caret.
    private mutating func drawEditor(into grid: inout CellGrid, row: Int, column: Int, width: Int, frame: ScreenFrame) -> (rows: Int, caret: GridPoint?) {
        guard var current = editor else { return (0, nil) }
        let drawn: (rows: Int, caret: GridPoint)
        switch current {
        case .text(var text):
            drawn = (5, text.draw(into: &grid, row: row, column: column, width: width, height: 5, style: CellStyle(.field, underline: true)))
            current = .text(text)
        case .line(let line):
            drawn = line.drawWrapped(into: &grid, row: row, column: column, width: min(width, 60), style: CellStyle(.field, underline: true))
        case .numbers(let numbers):
            drawn = numbers.draw(into: &grid, row: row, column: column, width: width, chosenWord: catalog.text(.tuiChosen), focused: sectionListFocus == nil)
        case .choices(let list):
            drawn = list.draw(into: &grid, row: row, column: column, width: width, chosenWord: catalog.text(.tuiChosen),
                              glyphs: frame.glyphs, focused: sectionListFocus == nil)
        case .list(let list):
            drawn = drawList(list, into: &grid, row: row, column: column, width: width, glyphs: frame.glyphs)
        }
        editor = current
        return (drawn.rows, drawn.caret)
    }

    /// The list's items, each wrapped whole, its "add" line, and the item form when one is open;
    /// returns the rows used and the caret.
    private func drawList(_ list: ListEditor, into grid: inout CellGrid, row: Int, column: Int, width: Int, glyphs: Glyphs) -> (rows: Int, caret: GridPoint) {
        var y = row
        var caret = GridPoint(row: row, column: column)
        for (index, entry) in list.list.entries.enumerated() {
            let text: String
            switch entry {
            case .person(let person):
                text = [person.name, person.relationship, person.doesNow, person.willingAndAble].filter { !$0.isEmpty }.joined(separator: " — ")
            case .planLine(let line):
                text = words.planLine(line)
            case .outcome(let outcome):
                text = [outcome.outcome, words.outcomeGroupName(outcome.group), outcome.timescale].filter { !$0.isEmpty }.joined(separator: " — ")
            }
            let highlighted = list.highlighted == index && list.form == nil
            let style = CellStyle(highlighted ? .selected : .normal)
            if highlighted { caret = GridPoint(row: y, column: column) }
            let number = "\(index + 1). "
            let direction = BidiLine.direction(of: text)
            for (offset, line) in TextLayout.lines(text, width: max(width - TextWidth.of(number), 8)).enumerated() {
                if highlighted { grid.fill(row: y, from: column, to: column + width, style: style) }
                let lead = offset == 0 ? number : String(repeating: " ", count: TextWidth.of(number))
                grid.write(lead + BidiLine.personsWords(line, direction: direction), row: y, column: column, style: style, limit: column + width)
                y += 1
            }
        }
        let addText = catalog.text(list.kind == .people ? .tuiListAddPerson : list.kind == .outcomes ? .tuiListAddOutcome : .tuiListAddSupport)
        let addHighlighted = list.highlighted == list.count && list.form == nil
        let addStyle = CellStyle(addHighlighted ? .selected : .normal, bold: true)
        if addHighlighted { caret = GridPoint(row: y, column: column) }
        for (offset, line) in TextLayout.lines(addText, width: max(width - 2, 8)).enumerated() {
            if addHighlighted { grid.fill(row: y, from: column, to: column + width, style: addStyle) }
            grid.write((offset == 0 ? "+ " : "  ") + line, row: y, column: column, style: addStyle, limit: column + width)
            y += 1
        }
        guard let form = list.form else { return (y - row, caret) }
        let number = (form.index ?? list.count) + 1
        let title = catalog.text(list.kind == .people ? .tuiItemPerson : list.kind == .outcomes ? .tuiItemOutcome : .tuiItemSupport, ["number": String(number)])
        for line in TextLayout.lines(title, width: width) {
            grid.write(line, row: y, column: column, style: CellStyle(.heading, bold: true), limit: column + width)
            y += 1
        }
        let labels = form.fields.filter { form.lines[$0.name] != nil }.map { catalog.text($0.label) }
        let inlineWidth = min((labels.filter { !stacksLabel($0, width: width) }.map(TextWidth.of).max() ?? 8) + 2, width * 2 / 5)
        for (fieldIndex, field) in form.fields.enumerated() {
            let focused = fieldIndex == form.focus
            let title = catalog.text(field.label)
            if let line = form.lines[field.name] {
                let labelStyle = CellStyle(.normal, bold: focused)
                let label = title.last.map { "?:".contains($0) } == true ? title : title + ":"
                let fieldColumn: Int
                if stacksLabel(title, width: width) {
                    // A label too long to sit beside its field goes on lines of its own, never cut short.
                    for text in TextLayout.lines(label, width: width) {
                        grid.write(text, row: y, column: column, style: labelStyle, limit: column + width)
                        y += 1
                    }
                    fieldColumn = column + 2
                } else {
                    grid.write(label, row: y, column: column, style: labelStyle, limit: column + inlineWidth)
                    fieldColumn = column + inlineWidth
                }
                // The field wraps: a sentence is read whole, from its start.
                let drawn = line.drawWrapped(into: &grid, row: y, column: fieldColumn, width: column + width - fieldColumn, style: CellStyle(.field, underline: true))
                if focused { caret = drawn.caret }
                y += drawn.rows
            } else if let choices = form.choiceLists[field.name] {
                for text in TextLayout.lines(title, width: width) {
                    grid.write(text, row: y, column: column, style: CellStyle(.normal, bold: focused), limit: column + width)
                    y += 1
                }
                let drawn = choices.draw(into: &grid, row: y, column: column + 2, width: width - 2, chosenWord: catalog.text(.tuiChosen),
                                         glyphs: glyphs, focused: focused)
                if focused { caret = drawn.caret }
                y += drawn.rows
            }
        }
        return (y - row, caret)
    }

    /// A label too long to sit beside its field goes on a line of its own.
    private func stacksLabel(_ label: String, width: Int) -> Bool {
        TextWidth.of(label) + 2 > width * 2 / 5
    }
}
