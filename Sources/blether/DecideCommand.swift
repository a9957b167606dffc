import ArgumentParser
import BletherCore
import BletherRecords
import BletherStore
import Foundation

extension AppContext {
    /// Signs a decision on a referred budget as the record's next revision and says what was done.
    func decide(record: String, store: ConversationStore, key: UnlockedKey, outcome: DecisionRevision.Outcome, reasons: String) throws -> String {
        do {
            let envelope = try RecordSealing(store: store).decide(record: record, key: key, outcome: outcome, reasons: reasons, at: Date())
            return "\(key.identity.name) (\(key.identity.role)) \(outcome.rawValue) the budget of \(record): revision \(try store.revisions(record: record).count), "
                + "fingerprint \(KeyIdentity.fingerprint(of: envelope.revisionID)).\n"
                + "The person's copy now shows the decision\(outcome == .refused ? ", its reasons and how to challenge it" : ""): blether export \(record) --format text"
        } catch RecordSealing.Problem.decision(let problem) {
            throw Failure("Record \(record): \(problem)")
        }
    }
}

/// `blether decide RECORD --approve | --refuse --reason "…" [--key FILE]`: a team leader or
/// service manager decides a referred budget, signing the decision as the record's next revision.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Approve or refuse a referred budget, signed as the record's next revision.",
        discussion: """
            Only a team leader or service manager whose delegated limit covers the amount can decide. \
            A refusal must give its reasons in plain words; the person's copy shows them with how to \
            challenge or appeal the decision. `blether list` shows which records are referred.
            """)

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String
    @Flag(help: "Approve the budget.") var approve = false
    @Flag(help: "Refuse the budget (give --reason).") var refuse = false
    @Option(help: "The reasons, in plain words the person can understand. Required to refuse.") var reason: String?
    @Option(help: "The decider's signing key file, when it is not this data directory's own key.") var key: String?
    @Option(help: "A file holding the decider's passphrase, for scripts (otherwise they are asked).") var passphraseFile: String?

    func validate() throws {
        if approve == refuse { throw ValidationError("Say --approve or --refuse.") }
        if refuse && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("A refusal needs its reasons: add --reason \"…\" in plain words the person can understand.")
        }
    }

    func run() throws {
        let context = try AppContext.load(options)
        let store = try context.openStore()
        do {
            let summary = try store.summary(id: record)
            guard summary.state == "referred" || summary.state == "approved" || summary.state == "refused" else {
                throw Failure(summary.state == "signed" ? "Record \(record) was not referred: the worker decided it within their limit."
                              : "Record \(record) is not signed yet: the worker signs it first, with the decision “referred”.")
            }
            let decider: UnlockedKey
            if let key {
                decider = try context.unlockKeyFile(at: key, passphraseFile: passphraseFile, store: store, record: record)
            } else {
                decider = try context.unlockOwnKey(store: store)
            }
            print(try context.decide(record: record, store: store, key: decider, outcome: approve ? .approved : .refused, reasons: reason ?? ""))
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
