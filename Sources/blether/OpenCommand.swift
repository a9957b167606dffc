import ArgumentParser
import BletherPlain
import Foundation

/// `blether`: the home — carry on with a conversation or start one.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open Blether's home: your conversations, and a new one.")

    @ParentCommand var options: Blether

    func run() throws {
        try OpenCommand.open(try AppContext.load(options))
    }

    /// Opens the home with `context`: also what `blether` with nothing after it does, without
    /// ArgumentParser reading every command's options first (see `main.swift`).
    static func open(_ context: AppContext) throws {
        let store = try context.openStore()
        guard context.plain else {
            try context.runFullScreen(store: store)
            return
        }
        var home = PlainHome(store: store, forms: try context.library.latestForms, catalog: context.catalog,
                             input: StandardInput(), output: StandardOutput())
        switch try home.choose() {
        case .leave:
            return
        case .resume(let id):
            try context.hold(conversation: try store.summary(id: id), store: store, announce: .plainResumed)
        case .new(let formID, let person):
            let form = try context.form(id: formID)
            let summary = try store.create(form: form, person: person, language: context.language, at: Date())
            try context.hold(conversation: summary, store: store, announce: .plainStarted)
        }
    }
}
