import ArgumentParser
import BletherStore

/// `blether --plain resume <id>`: carry on exactly where the conversation was left.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Carry on with a conversation, exactly where it was left.")

    @ParentCommand var options: Blether

    @Argument(help: "The conversation's id, as shown by blether list.")
    var id: String

    func run() throws {
        let context = try AppContext.load(options)
        let store = try context.openStore()
        guard context.plain else {
            try context.runFullScreen(store: store) { app throws(StoreError) in try app.open(conversation: id) }
            return
        }
        do {
            try context.hold(conversation: try store.summary(id: id), store: store, announce: .plainResumed)
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
