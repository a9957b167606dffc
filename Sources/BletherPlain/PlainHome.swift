import BletherCore
import BletherStore
import Foundation

/// Plain mode's start: list the conversations, carry on with one, or start a new one.
///
/// ```swift
/// let choice = try PlainHome(store: store, forms: library.latestForms, catalog: catalog,
///                            input: StandardInput(), output: StandardOutput()).choose()
/// ```
package struct PlainHome {
    let store: ConversationStore
    let forms: [Form]
    let catalog: Catalog
    var input: any LineSource
    let output: any PlainOutput

    package init(store: ConversationStore, forms: [Form], catalog: Catalog, input: any LineSource, output: any PlainOutput) {
        self.store = store
        self.forms = forms
        self.catalog = catalog
        self.input = input
        self.output = output
    }

    /// What the worker chose at the start.
    package enum Choice: Equatable {
        case resume(id: String)
        case new(formID: String, person: String)
        case leave
    }

    /// Asks until a choice is made; `.leave` on `:quit` or the end of input.
    package mutating func choose() throws(StoreError) -> Choice {
        let (conversations, unreadable) = try store.readableSummaries()
        output.line(catalog.text(.plainHomeHeading))
        if !unreadable.isEmpty { output.line(catalog.text(.listUnreadable, ["ids": unreadable.map(\.id).joined(separator: ", ")])) }
        if conversations.isEmpty { output.line("    " + catalog.text(.plainHomeEmpty)) }
        for (index, summary) in conversations.enumerated() {
            let title = catalog.text(FormTextKey.title(form: summary.formID))
            output.line("    \(index + 1). \(BidiIsolation.isolate(summary.person)) — \(title) — \(catalog.conversationState(summary.state)) — \(LocalTimestamp.text(summary.updatedAt)) (\(summary.id))")
        }
        output.line(catalog.text(.plainHomeChoose))
        while true {
            output.prompt(">")
            guard let line = input.nextLine() else { return .leave }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text == ":quit" || text == ":q" { return .leave }
            if text == ":help" {
                // The commands work at any prompt, this one included.
                output.line(catalog.text(.plainHelp))
                output.line(catalog.text(.plainHomeChoose))
                continue
            }
            if text.lowercased() == "n" { return newConversation() }
            if let number = Int(text), (1...conversations.count).contains(number) {
                return .resume(id: conversations[number - 1].id)
            }
            output.line(catalog.text(.plainNotAChoice))
        }
    }

    private mutating func newConversation() -> Choice {
        output.line(catalog.text(.plainChooseForm))
        for (index, form) in forms.enumerated() {
            output.line("    \(index + 1). \(catalog.text(FormTextKey.title(form: form.id))) — \(catalog.text(FormTextKey.summary(form: form.id)))")
        }
        var chosen: Form?
        while chosen == nil {
            output.prompt(">")
            guard let line = input.nextLine() else { return .leave }
            if line.hasPrefix(":q") { return .leave }
            if line.trimmingCharacters(in: .whitespaces) == ":help" {
                output.line(catalog.text(.plainHelp))
                output.line(catalog.text(.plainChooseForm))
                continue
            }
            if let number = Int(line.trimmingCharacters(in: .whitespaces)), (1...forms.count).contains(number) {
                chosen = forms[number - 1]
            } else {
                output.line(catalog.text(.plainNotAChoice))
            }
        }
        while true {
            output.prompt(catalog.text(.plainAskPerson))
            guard let line = input.nextLine() else { return .leave }
            let name = line.trimmingCharacters(in: .whitespaces)
            if name.hasPrefix(":q") { return .leave }
            // A command is never taken for a name: no one's name starts with a colon.
            if name.hasPrefix(":") {
                output.line(name == ":help" ? catalog.text(.plainHelp) : catalog.text(.plainUnknownCommand, ["command": name]))
                continue
            }
            if !name.isEmpty { return .new(formID: chosen!.id, person: name) }
            output.line(catalog.text(.problemEmptyName))
        }
    }
}
