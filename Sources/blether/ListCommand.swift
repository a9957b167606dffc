import ArgumentParser
import BletherCore
import BletherPlain
import BletherStore

/// `blether list`: one line per conversation.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List conversations: id, person, form, state, last change.")

    @ParentCommand var options: Blether

    func run() throws {
        let context = try AppContext.load(plainFlag: true, lang: options.lang)
        let store = try context.openStore()
        do {
            for line in ConversationListing.lines(try store.summaries(), catalog: context.catalog) { print(BidiIsolation.safeLine(line)) }
        } catch {
            throw Failure(context.message(for: error))
        }
    }
}
