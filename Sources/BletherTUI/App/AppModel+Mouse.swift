import Foundation

/// Clicks and the wheel, read against the places the screen as drawn marks (``HitTarget``),
/// found when a click comes rather than after every key. Each does what a key already does, through the same handling, so no
/// rule is skipped: a click on a question is Tab or Shift-Tab until it is reached (a draft
/// that is not an answer stops it and says why), a click on a section opens it as Enter in
/// the section list does, and the wheel is Up and Down, or the previous and next page.
///
/// ```swift
/// model.update(.mouse(MouseEvent(kind: .press, row: 6, column: 40)), at: Date())
/// ```
extension AppModel {
    mutating func handleMouse(_ event: MouseEvent, at now: Date, into commands: inout [AppCommand]) {
        guard settings.mouse else { return }
        switch event.kind {
        case .wheelUp, .wheelDown:
            if let key = wheelKey(up: event.kind == .wheelUp) { handle(key, at: now, into: &commands) }
        case .press:
            // Places are recorded in logical columns; a right-to-left screen is drawn mirrored.
            let column = LayoutDirection(catalog).screenColumn(event.column, columns: columns)
            // The screen as drawn now is the screen clicked: nothing has changed since it was drawn.
            guard overlay == nil, let target = render().hitRegions.last(where: { $0.row == event.row && $0.columns.contains(column) })?.target else { return }
            click(target, at: now, into: &commands)
        }
    }

    /// The key a turn of the wheel stands for here, if any.
    private func wheelKey(up: Bool) -> Key? {
        switch overlay {
        case .help?, .readBack?, .who?: return up ? .up : .down
        case .some: return nil
        case nil: break
        }
        switch mode {
        case .home: return up ? .up : .down
        case .conversation(let screen):
            if screen.sectionListFocus != nil { return up ? .up : .down }
            if case .list(let list)? = screen.editor, list.form != nil { return nil }
            return up ? .backTab : .tab
        case .review, .decide: return up ? .pageUp : .pageDown
        case .new: return nil
        }
    }

    private mutating func click(_ target: HitTarget, at now: Date, into commands: inout [AppCommand]) {
        switch (target, mode) {
        case (.homeLine(let line), .home(var home)):
            let intent = home.click(line: line)
            mode = .home(home)
            switch intent {
            case .none, .decide: break
            case .new: mode = .new(NewConversationScreen(forms: forms, catalog: catalog))
            case .open(let id): commands.append(.open(conversation: id, thenAnswer: nil))
            }
        case (.section(let index), .conversation(var screen)):
            guard screen.form.sections.indices.contains(index) else { return }
            screen.sectionListFocus = index
            mode = .conversation(screen)
            handle(.enter, at: now, into: &commands)
        case (.choice(let index), .conversation(var screen)):
            guard screen.sectionListFocus == nil, case .choices(var list)? = screen.editor else { return }
            list.click(index)
            screen.editor = .choices(list)
            screen.message = nil
            mode = .conversation(screen)
        case (.question(let id), .conversation(let screen)):
            // While the section list has focus or a list item is being filled in, Tab means something else.
            if case .list(let list)? = screen.editor, list.form != nil { return }
            guard screen.sectionListFocus == nil, let section = screen.session.currentSection,
                  let current = screen.session.currentQuestion?.id, current != id else { return }
            let questions = screen.session.relevantQuestions(in: section).map(\.id)
            guard let from = questions.firstIndex(of: current), let to = questions.firstIndex(of: id) else { return }
            let key: Key = to > from ? .tab : .backTab
            for _ in 0..<abs(to - from) {
                let before = conversation?.session.cursor
                handle(key, at: now, into: &commands)
                guard overlay == nil, let after = conversation?.session, after.cursor != before, after.currentQuestion?.id != id else { return }
            }
        default:
            return
        }
    }
}
