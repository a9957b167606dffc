import ArgumentParser
import BletherCore
import BletherPlain
import BletherStore
import Foundation

/// `blether list`: one line per conversation.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List conversations: id, person, form, state, last change.")

    @ParentCommand var options: Blether

    func run() throws {
        let context = try AppContext.load(plainFlag: true, lang: options.lang)
        let store = try context.openStore()
        let listed: (summaries: [ConversationSummary], unreadable: [(id: String, problem: StoreError)])
        do { listed = try store.readableSummaries() } catch { throw Failure(context.message(for: error)) }
        for line in ConversationListing.lines(listed.summaries, catalog: context.catalog) { print(BidiIsolation.safeLine(line)) }
        // One that cannot be opened is named, after all the others; the exit code says something is wrong.
        if !listed.unreadable.isEmpty {
            let ids = listed.unreadable.map(\.id).joined(separator: ", ")
            FileHandle.standardError.write(Data((BidiIsolation.safeLine(context.catalog.text(.listUnreadable, ["ids": ids])) + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
