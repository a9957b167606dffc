import BletherCore

/// A list of choices to pick one or several from, with an optional "something else"
/// whose words are typed in a field of its own. Choices are said in words ("chosen"),
/// not by a mark alone.
///
/// ```swift
/// var list = ChoiceList(choices: [("yes-now", "Yes, now"), ("no", "No")], multiple: false, allowsOther: true, otherLabel: "Something else")
/// list.handle(.character("2"))       // choose the second by number
/// let value = list.value             // .choice("no", other: nil)
/// ```
package struct ChoiceList: Sendable, Equatable {
    package struct Item: Sendable, Equatable {
        package let id: String?
        package let label: String
    }

    package let items: [Item]
    package let multiple: Bool
    package let allowsOther: Bool
    package private(set) var highlighted: Int
    package private(set) var chosen: Set<Int>
    package private(set) var other: LineEditor
    /// Words are being typed on the list: they choose nothing, and a Space among them is part of
    /// the words, not Space on the highlighted row ("I agree" must not tick "I agree").
    /// Moving, or a choice's number, ends it.
    package private(set) var isTyping = false

    package init(choices: [(id: String, label: String)], multiple: Bool, allowsOther: Bool, otherLabel: String) {
        var items = choices.map { Item(id: $0.id, label: $0.label) }
        if allowsOther { items.append(Item(id: nil, label: otherLabel)) }
        self.items = items
        self.multiple = multiple
        self.allowsOther = allowsOther
        highlighted = 0
        chosen = []
        other = LineEditor()
    }

    /// Starts from a saved choice or choices.
    package mutating func select(_ value: AnswerValue?) {
        switch value {
        case .choice(let id, let otherText)?:
            chosen = indices(of: id.map { [$0] } ?? [], other: otherText)
            other = LineEditor(text: otherText ?? "")
        case .choices(let ids, let otherText)?:
            chosen = indices(of: ids, other: otherText)
            other = LineEditor(text: otherText ?? "")
        case .text?, .number?, .money?, .date?, .yesNo?, .people?, .outcomes?, .supportPlan?, nil:
            chosen = []
        }
        highlighted = chosen.min() ?? 0
    }

    private func indices(of ids: [String], other otherText: String?) -> Set<Int> {
        var result = Set(ids.compactMap { id in items.firstIndex { $0.id == id } })
        if allowsOther, otherText != nil { result.insert(items.count - 1) }
        return result
    }

    var otherIndex: Int? { allowsOther ? items.count - 1 : nil }

    /// Whether typing goes into the "something else" field.
    package var isTypingOther: Bool { otherIndex.map { highlighted == $0 && chosen.contains($0) } ?? false }

    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        if isTypingOther, key == .backspace, other.text.isEmpty, let otherIndex {
            chosen.remove(otherIndex)
            return true
        }
        if isTypingOther, other.handle(key), !(key == .left || key == .right) || !other.text.isEmpty {
            return true
        }
        switch key {
        case .up: highlighted = max(highlighted - 1, 0)
        case .down: highlighted = min(highlighted + 1, items.count - 1)
        case .home: highlighted = 0
        case .end: highlighted = items.count - 1
        case .character(" ") where !isTyping: toggle(highlighted)
        case .character(let digit) where digit.isASCII && digit.isNumber:
            isTyping = false
            guard let number = digit.wholeNumberValue, (1...items.count).contains(number) else { return true }
            highlighted = number - 1
            toggle(highlighted, onlySelect: true)
        case .character:
            // Any other printable key is typing: taken, so it reaches nothing else, and choosing nothing.
            isTyping = true
            return true
        default:
            return false
        }
        isTyping = false
        return true
    }

    /// A click on a choice: highlights and chooses it; where several may be chosen, a click on
    /// a chosen one unchooses it, as Space does.
    package mutating func click(_ index: Int) {
        guard items.indices.contains(index) else { return }
        isTyping = false
        highlighted = index
        toggle(index, onlySelect: !multiple)
    }

    private mutating func toggle(_ index: Int, onlySelect: Bool = false) {
        if multiple {
            if chosen.contains(index) { if !onlySelect { chosen.remove(index) } } else { chosen.insert(index) }
        } else {
            chosen = chosen.contains(index) && !onlySelect ? [] : [index]
        }
    }

    /// The ids chosen so far, in list order ("something else" has none).
    package var chosenIDs: [String] { chosen.sorted().compactMap { items[$0].id } }

    /// The words for "something else" when it is chosen (`nil` when not); `.otherEmpty` when chosen without words.
    package var otherWords: Result<String?, AnswerInputProblem> {
        guard let otherIndex, chosen.contains(otherIndex) else { return .success(nil) }
        let typed = other.text.trimmingCharacters(in: .whitespaces)
        return typed.isEmpty ? .failure(.otherEmpty) : .success(typed)
    }

    /// The answer as chosen so far; `.otherEmpty` when "something else" is chosen without words.
    package var value: Result<AnswerValue, AnswerInputProblem> {
        otherWords.map { multiple ? .choices(chosenIDs, other: $0) : .choice(chosenIDs.first, other: $0) }
    }

    /// Draws one line per choice from `row`; returns the rows used and the caret.
    package func draw(into grid: inout CellGrid, row: Int, column: Int, width: Int, chosenWord: String,
                     glyphs: Glyphs, focused: Bool) -> (rows: Int, caret: GridPoint) {
        var caret = GridPoint(row: row, column: column)
        var y = row
        for (index, item) in items.enumerated() {
            let isHighlighted = focused && index == highlighted
            let style = CellStyle(isHighlighted ? .selected : .normal, bold: chosen.contains(index))
            let mark = chosen.contains(index) ? glyphs.checked : glyphs.unchecked
            var line = "\(mark) \(index + 1). \(item.label)"
            if chosen.contains(index) { line += " — \(chosenWord)" }
            if isHighlighted { grid.fill(row: y, from: column, to: column + width, style: style) }
            grid.mark(.choice(index), row: y, columns: column..<(column + width))
            grid.write(TextLayout.truncate(line, width: width, ascii: glyphs == .ascii), row: y, column: column, style: style, limit: column + width)
            if isHighlighted { caret = GridPoint(row: y, column: column + 1) }
            y += 1
            if let otherIndex, index == otherIndex, chosen.contains(otherIndex) {
                let fieldCaret = other.draw(into: &grid, row: y, column: column + 4, width: max(width - 4, 1), style: CellStyle(.field, underline: true))
                if isTypingOther && focused { caret = fieldCaret }
                y += 1
            }
        }
        return (y - row, caret)
    }
}

import Foundation
