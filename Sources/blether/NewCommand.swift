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
        let context = try AppContext.load(plainFlag: options.plain, lang: options.lang)
        let form = try context.form(id: form)
        let store = try context.openStore()
        do {
            let summary = try store.create(form: form, person: person.trimmingCharacters(in: .whitespaces), language: context.language, at: Date())
            try context.hold(conversation: summary, store: store, announce: .plainStarted)
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
