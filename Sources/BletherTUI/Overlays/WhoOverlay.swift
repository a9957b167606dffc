import BletherCore

/// F3: who is speaking now, chosen with the arrows and Enter or by number.
///
/// ```swift
/// var who = WhoOverlay(highlighted: 0)
/// if case .choose(let speaker) = who.handle(.character("2")) { … }   // .carer
/// ```
package struct WhoOverlay: Sendable, Equatable {
    package private(set) var highlighted: Int

    package init(highlighted: Int) {
        self.highlighted = highlighted
    }

    package enum Intent: Equatable { case stay, close, choose(Speaker) }

    package mutating func handle(_ key: Key) -> Intent {
        switch key {
        case .up: highlighted = max(highlighted - 1, 0)
        case .down: highlighted = min(highlighted + 1, Speaker.allCases.count - 1)
        case .escape, .function(3): return .close
        case .enter: return .choose(Speaker.allCases[highlighted])
        case .character(let digit):
            if let number = digit.wholeNumberValue, (1...Speaker.allCases.count).contains(number) { return .choose(Speaker.allCases[number - 1]) }
        default: break
        }
        return .stay
    }

    func render(into grid: inout CellGrid, frame: ScreenFrame, words: ConversationWording?) {
        let catalog = frame.catalog
        let area = frame.box(title: catalog.text(.tuiWhoTitle), width: 50, height: Speaker.allCases.count + 4, into: &grid)
        for (index, speaker) in Speaker.allCases.enumerated() {
            let name = words?.speakerName(speaker) ?? speaker.rawValue
            let style = CellStyle(index == highlighted ? .selected : .dialog, bold: index == highlighted)
            grid.fill(row: area.row + index, from: area.column, to: area.column + area.width, style: style)
            grid.write("\(index + 1). \(name)", row: area.row + index, column: area.column, style: style, limit: area.column + area.width)
        }
        grid.write(catalog.text(.tuiKeyGo) + " · " + catalog.text(.tuiKeyClose), row: area.row + area.height - 1, column: area.column, style: CellStyle(.dialog))
        grid.cursor = GridPoint(row: area.row + highlighted, column: area.column)
    }
}
