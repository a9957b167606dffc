import BletherCore

extension ConversationScreen {
    /// Draws the conversation at the grid's size.
    mutating func render(into grid: inout CellGrid, frame: ScreenFrame) {
        let speaker = catalog.text(.tuiSpeaking, ["speaker": words.speakerName(session.speaker)])
        frame.header(catalog.text(.tuiHeader, ["person": BidiLine.personsWords(summary.person), "form": words.formTitle]), right: speaker, into: &grid)
        var progress = " " + words.progress(of: session)
        if let section = session.currentSection {
            progress += " · " + catalog.text(.tuiSectionState, ["state": words.state(session.state(of: section))])
        }
        grid.write(TextLayout.truncate(progress, width: grid.columns, ascii: frame.settings.asciiOnly), row: 1, column: 0, style: CellStyle(.heading))
        frame.rule(row: 2, into: &grid)

        let paneWidth = grid.columns >= 100 ? 36 : 30
        let bodyTop = 3, bodyBottom = grid.rows - 3
        drawSectionList(into: &grid, frame: frame, width: paneWidth, top: bodyTop, bottom: bodyBottom)
        for row in bodyTop...bodyBottom {
            grid.write(String(frame.glyphs.vertical), row: row, column: paneWidth, style: CellStyle(.muted))
        }
        drawContent(into: &grid, frame: frame, column: paneWidth + 2, width: grid.columns - paneWidth - 3, top: bodyTop, bottom: bodyBottom)
        frame.message(message, into: &grid)
        frame.keyBar(keys, into: &grid)
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
        let stateWidth = [UIText.tuiShortLocked, .tuiShortNotStarted, .tuiShortInProgress, .tuiShortAnswered, .tuiShortNothingHere]
            .map { TextWidth.of(catalog.text($0)) }.max() ?? 8
        grid.write(" " + catalog.text(.tuiSections), row: top, column: 0, style: CellStyle(.heading, bold: true), limit: width)
        let current = session.currentSection.flatMap { form.sectionIndex(id: $0.id) }
        let visibleRows = bottom - top
        let focusIndex = sectionListFocus ?? current ?? 0
        let firstShown = max(0, min(focusIndex - visibleRows / 2, form.sections.count - visibleRows))
        let states = session.sectionStates
        for (offset, section) in form.sections.enumerated().dropFirst(firstShown).prefix(visibleRows).map({ ($0.offset, $0.element) }) {
            let row = top + 1 + offset - firstShown
            let isCurrent = offset == current
            let isHighlighted = sectionListFocus == offset
            let marker = isCurrent ? frame.glyphs.current : " "
            let number = offset + 1 < 10 ? " \(offset + 1)" : "\(offset + 1)"
            let titleWidth = width - 1 - 2 - 1 - 1 - stateWidth - 1
            let title = TextLayout.truncate(words.sectionTitle(section.id), width: titleWidth, ascii: frame.settings.asciiOnly)
            let state = states[section.id] ?? .notStarted
            let style: CellStyle
            if isHighlighted { style = CellStyle(.selected, bold: true) }
            else if isCurrent { style = CellStyle(.normal, bold: true) }
            else if case .locked = state { style = CellStyle(.muted) }
            else { style = .normal }
            grid.fill(row: row, from: 0, to: width, style: style)
            grid.mark(.section(offset), row: row, columns: 0..<width)
            grid.write("\(marker)\(number) \(title)", row: row, column: 0, style: style, limit: width)
            grid.write(shortState(state), row: row, column: width - stateWidth - 1, style: style, limit: width)
            if isHighlighted { grid.cursor = GridPoint(row: row, column: 1) }
        }
    }

    /// One drawn line of the content pane, or the place where the editor goes.
    private enum PaneLine {
        case text(String, CellStyle)
        case editor(height: Int)
    }

    private mutating func drawContent(into grid: inout CellGrid, frame: ScreenFrame, column: Int, width: Int, top: Int, bottom: Int) {
        var lines: [PaneLine] = []
        var focusRange = 0..<0
        guard let section = session.currentSection else {
            for line in TextLayout.lines(catalog.text(.tuiFinished, KeyShortcut.sentenceNames), width: width) { lines.append(.text(line, CellStyle(.heading))) }
            draw(lines, focus: 0..<0, into: &grid, column: column, width: width, top: top, bottom: bottom)
            if sectionListFocus == nil { grid.cursor = GridPoint(row: top, column: column) }
            return
        }
        let sectionIndex = form.sectionIndex(id: section.id) ?? 0
        lines.append(.text(words.sectionTitle(section.id), CellStyle(.heading, bold: true)))
        for line in TextLayout.lines(words.sectionIntro(section.id), width: width) { lines.append(.text(line, CellStyle(.muted))) }
        lines.append(.text("", .normal))
        if case .lockedSection = session.cursor {
            let needing = session.sectionsNeeding(before: section)
            let text = catalog.text(.tuiLockedHere, ["section": words.sectionTitle(section.id), "sections": words.sectionList(needing)]
                .merging(KeyShortcut.sentenceNames) { named, _ in named })
            let messageRow = top + lines.count
            for line in TextLayout.lines(text, width: width) { lines.append(.text(line, CellStyle(.problem, bold: true))) }
            draw(lines, focus: 0..<lines.count, into: &grid, column: column, width: width, top: top, bottom: bottom)
            if sectionListFocus == nil { grid.cursor = GridPoint(row: min(messageRow, bottom), column: column) }
            return
        }
        let focused = session.currentQuestion?.id
        var clickable: [(lines: Range<Int>, question: String)] = []
        for question in session.relevantQuestions(in: section) {
            let position = (section.questions.firstIndex { $0.id == question.id } ?? 0) + 1
            var label = "\(sectionIndex + 1).\(position) \(words.label(question.id))"
            if question.required { label += " " + catalog.text(.questionRequired) }
            let isFocused = question.id == focused
            let start = lines.count
            if isFocused { label += " — " + catalog.text(.tuiFocus) }
            for line in TextLayout.lines(label, width: width) { lines.append(.text(line, CellStyle(.normal, bold: isFocused))) }
            if isFocused, let editor {
                // Whose words this answer will be, beside the question, before it is saved.
                let speaking = catalog.text(.tuiSpeakerHere, ["speaker": words.speakerName(session.speaker)])
                for line in TextLayout.lines(speaking, width: width - 2) { lines.append(.text("  " + line, CellStyle(.heading, bold: true))) }
                if let hint = words.hint(question.id) {
                    for line in TextLayout.lines(hint, width: width - 2) { lines.append(.text("  " + line, CellStyle(.muted))) }
                }
                let instructionLines = instruction(for: question).map { TextLayout.lines($0, width: width - 2) } ?? []
                // A list's item form taller than the pane is shown through a window around the field being filled in.
                let room = bottom - top + 1 - (lines.count - start) - instructionLines.count
                lines.append(.editor(height: min(editorHeight(editor, width: width), max(room, 4))))
                for line in instructionLines { lines.append(.text("  " + line, CellStyle(.muted))) }
                focusRange = start..<lines.count
            } else if let answer = session.answers[question.id], !answer.value.isEmpty {
                let text = words.answerText(answer.value, question: question.id)
                let shown = TextLayout.lines(text, width: width - 2)
                let direction = BidiLine.direction(of: text)
                for (index, line) in shown.prefix(2).enumerated() {
                    let more = index == 1 && shown.count > 2
                    let drawn = more ? TextLayout.truncate(line + " " + frame.glyphs.ellipsis, width: width - 2) : line
                    lines.append(.text("  " + BidiLine.personsWords(drawn, direction: direction), .normal))
                }
            } else {
                lines.append(.text("  " + catalog.text(.answerNone), CellStyle(.muted)))
            }
            clickable.append((start..<lines.count, question.id))
            lines.append(.text("", .normal))
        }
        draw(lines, focus: focusRange, into: &grid, column: column, width: width, top: top, bottom: bottom, glyphs: frame.glyphs, clickable: clickable)
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

    private func editorHeight(_ editor: FieldEditor, width: Int) -> Int {
        switch editor {
        case .text: return 5
        case .line, .numbers: return 1
        case .choices(let list): return list.items.count + (list.isTypingOther || list.chosen.contains(list.items.count - 1) && list.allowsOther ? 1 : 0)
        case .list(let list): return list.count + 1 + (list.form.map { itemFormRows($0, width: width - 2) } ?? 0)
        }
    }

    private mutating func draw(_ lines: [PaneLine], focus: Range<Int>, into grid: inout CellGrid, column: Int, width: Int, top: Int, bottom: Int,
                               glyphs: Glyphs = .unicode, clickable: [(lines: Range<Int>, question: String)] = []) {
        let height = bottom - top + 1
        var heights = lines.map { if case .editor(let h) = $0 { h } else { 1 } }
        if heights.isEmpty { heights = [1] }
        func rowsBefore(_ index: Int) -> Int { heights[..<min(index, heights.count)].reduce(0, +) }
        var scroll = 0
        if !focus.isEmpty {
            let focusTop = rowsBefore(focus.lowerBound), focusBottom = rowsBefore(focus.upperBound)
            if focusBottom > height { scroll = min(focusTop, focusBottom - height) }
        }
        var row = top - scroll
        for (index, line) in lines.enumerated() {
            switch line {
            case .text(let text, let style):
                if row >= top && row <= bottom {
                    grid.write(text, row: row, column: column, style: style, limit: column + width)
                    if let question = clickable.first(where: { $0.lines.contains(index) })?.question {
                        grid.mark(.question(question), row: row, columns: column..<(column + width))
                    }
                }
                row += 1
            case .editor(let editorHeight):
                if row >= top && row + editorHeight - 1 <= bottom {
                    drawEditor(into: &grid, row: row, column: column + 2, width: width - 2, height: editorHeight, glyphs: glyphs)
                }
                row += editorHeight
            }
        }
    }

    private mutating func drawEditor(into grid: inout CellGrid, row: Int, column: Int, width: Int, height: Int, glyphs frameGlyphs: Glyphs) {
        guard var current = editor else { return }
        var caret: GridPoint
        switch current {
        case .text(var text):
            caret = text.draw(into: &grid, row: row, column: column, width: width, height: height, style: CellStyle(.field, underline: true))
            current = .text(text)
        case .line(let line):
            caret = line.draw(into: &grid, row: row, column: column, width: min(width, 60), style: CellStyle(.field, underline: true))
        case .numbers(let numbers):
            caret = numbers.draw(into: &grid, row: row, column: column, width: width, chosenWord: catalog.text(.tuiChosen), focused: sectionListFocus == nil)
        case .choices(let list):
            caret = list.draw(into: &grid, row: row, column: column, width: width, chosenWord: catalog.text(.tuiChosen),
                              glyphs: frameGlyphs, focused: sectionListFocus == nil).caret
        case .list(let list):
            let natural = editorHeight(current, width: width + 2)
            if natural <= height {
                caret = drawList(list, into: &grid, row: row, column: column, width: width, glyphs: frameGlyphs)
            } else {
                var whole = CellGrid(columns: width, rows: natural, direction: grid.direction)
                whole.asciiOnly = grid.asciiOnly
                let point = drawList(list, into: &whole, row: 0, column: 0, width: width, glyphs: frameGlyphs)
                let from = min(max(point.row - height / 2, 0), natural - height)
                grid.paste(whole, from: from, count: height, row: row, column: column)
                caret = GridPoint(row: row + point.row - from, column: column + point.column)
            }
        }
        editor = current
        if sectionListFocus == nil { grid.cursor = caret }
    }

    private func drawList(_ list: ListEditor, into grid: inout CellGrid, row: Int, column: Int, width: Int, glyphs: Glyphs) -> GridPoint {
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
            if highlighted { grid.fill(row: y, from: column, to: column + width, style: style); caret = GridPoint(row: y, column: column) }
            let words = BidiLine.personsWords(text, direction: BidiLine.direction(of: text))
            grid.write(TextLayout.truncate("\(index + 1). \(words)", width: width), row: y, column: column, style: style, limit: column + width)
            y += 1
        }
        let addText = catalog.text(list.kind == .people ? .tuiListAddPerson : list.kind == .outcomes ? .tuiListAddOutcome : .tuiListAddSupport)
        let addHighlighted = list.highlighted == list.count && list.form == nil
        let addStyle = CellStyle(addHighlighted ? .selected : .normal, bold: true)
        if addHighlighted { grid.fill(row: y, from: column, to: column + width, style: addStyle); caret = GridPoint(row: y, column: column) }
        grid.write("+ " + addText, row: y, column: column, style: addStyle, limit: column + width)
        y += 1
        guard let form = list.form else { return caret }
        let number = (form.index ?? list.count) + 1
        grid.write(catalog.text(list.kind == .people ? .tuiItemPerson : list.kind == .outcomes ? .tuiItemOutcome : .tuiItemSupport, ["number": String(number)]),
                   row: y, column: column, style: CellStyle(.heading, bold: true), limit: column + width)
        y += 1
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
                    grid.write(TextLayout.truncate(label, width: width), row: y, column: column, style: labelStyle, limit: column + width)
                    y += 1
                    fieldColumn = column + 2
                } else {
                    grid.write(label, row: y, column: column, style: labelStyle, limit: column + inlineWidth)
                    fieldColumn = column + inlineWidth
                }
                let point = line.draw(into: &grid, row: y, column: fieldColumn, width: column + width - fieldColumn, style: CellStyle(.field, underline: true))
                if focused { caret = point }
                y += 1
            } else if let choices = form.choiceLists[field.name] {
                grid.write(TextLayout.truncate(title, width: width), row: y, column: column, style: CellStyle(.normal, bold: focused), limit: column + width)
                y += 1
                let drawn = choices.draw(into: &grid, row: y, column: column + 2, width: width - 2, chosenWord: catalog.text(.tuiChosen),
                                         glyphs: glyphs, focused: focused)
                if focused { caret = drawn.caret }
                y += drawn.rows
            }
        }
        return caret
    }

    /// A label too long to sit beside its field goes on a line of its own, never cut short.
    private func stacksLabel(_ label: String, width: Int) -> Bool {
        TextWidth.of(label) + 2 > width * 2 / 5
    }

    /// Rows an item form takes: its title, each field (two rows when the label is stacked), and each choice.
    private func itemFormRows(_ form: ItemForm, width: Int) -> Int {
        form.fields.reduce(1) { rows, field in
            if form.lines[field.name] != nil { return rows + (stacksLabel(catalog.text(field.label), width: width) ? 2 : 1) }
            return rows + 1 + (form.choiceLists[field.name]?.items.count ?? 0)
        }
    }
}
