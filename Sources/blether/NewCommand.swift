import ArgumentParser
import BletherStore
import Foundation

/// `blether --plain new --form <id> --person "<name>"`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a conversation with a supported person.")

    @ParentCommand var options: Blether

    @Option(name: .long, help: "The form to use, such as adult-good-conversation or outcomes-review.")
    var form: String = "adult-good-conversation"

    @Option(name: .long, help: "The supported person's name.")
    var person: String

    func validate() throws {
        if person.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--person needs the supported person's name.")
        }
    }

    func run() throws {
        let context = try AppContext.load(options)
        let form = try context.form(id: form)
        let store = try context.openStore()
        let person = person.trimmingCharacters(in: .whitespaces)
        guard context.plain else {
            try context.runFullScreen(store: store) { app throws(StoreError) in try app.start(form: form, person: person) }
            return
        }
        do {
            let summary = try store.create(form: form, person: person, language: context.language, at: Date())
            try context.hold(conversation: summary, store: store, announce: .plainStarted)
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
