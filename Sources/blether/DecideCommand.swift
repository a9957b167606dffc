import ArgumentParser
import BletherCore
import BletherRecords
import BletherStore
import Foundation

extension AppContext {
    /// The key that decides, with its identity as trusted here: a key file brought to this
    /// laptop (a team leader's or service manager's), or this data directory's own key.
    func decidingKey(file: String?, passphrase: String? = nil, passphraseFile: String? = nil, store: ConversationStore,
                     record: String) throws -> (key: UnlockedKey, trusted: KeyIdentity) {
        if let file, !file.trimmingCharacters(in: .whitespaces).isEmpty {
            return try unlockKeyFile(at: file.trimmingCharacters(in: .whitespaces), passphrase: passphrase, passphraseFile: passphraseFile,
                                     store: store, record: record)
        }
        let key = try unlockOwnKey(store: store, passphrase: passphrase)
        let trusted = try KeyStore(dataDirectory: DataDirectory.resolve(environment: environment)).trustedIdentities()
        return (key, trusted.first { $0.keyID == key.identity.keyID } ?? key.identity)
    }

    /// Signs a decision on a referred budget as the record's next revision and says what was
    /// done, in the program's language; every refusal says why in the same words.
    func decide(record: String, store: ConversationStore, key: UnlockedKey, identity: KeyIdentity, outcome: DecisionOutcome,
                reasons: String) throws -> String {
        do {
            // Older versions of a rules file may stay installed beside the newest, for records costed with them.
            let installed = try library.costingRules
            let signed = try RecordSealing(store: store).decide(record: record, key: key, identity: identity, outcome: outcome, reasons: reasons,
                                                   installedRules: { id, version in
                                                       installed.first { $0.rules.id == id && $0.rules.version == version }
                                                           .flatMap(\.rules.fileSHA256)
                                                   }, at: Date())
            return catalog.text(.decisionSigned, ["name": identity.name, "role": catalog.roleName(identity.role), "number": String(signed.number),
                                                  "outcome": catalog.conversationState(outcome.state)])
        } catch RecordSealing.Problem.decision(let problem) {
            throw Failure(decisionProblem(problem))
        } catch RecordSealing.Problem.store(.noConversation) {
            // Listed as referred, but with no signed revision to decide on.
            throw Failure(catalog.text(.decisionProblemNotSigned))
        } catch RecordSealing.Problem.store(let error) {
            throw Failure(message(for: error))
        }
    }

    /// A decision problem in the program's language.
    func decisionProblem(_ problem: DecisionRevision.Problem) -> String {
        switch problem {
        case .noCosting: return catalog.text(.decisionProblemNoCosting)
        case .alreadyDecided(let outcome, let by): return catalog.text(.decisionProblemAlreadyDecided, ["outcome": catalog.conversationState(outcome.state), "name": by])
        case .notReferred: return catalog.text(.decisionProblemNotReferred)
        case .noReasons: return catalog.text(.decisionReasonsNeeded)
        case .notADecider(let name): return catalog.text(.decisionProblemNotADecider, ["role": catalog.roleName(name)])
        case .aboveLimit(let amount, let limit, let name):
            return catalog.text(.decisionProblemAboveLimit, ["amount": amount.formatted, "limit": limit.formatted, "role": catalog.roleName(name)])
        case .ownReferral: return catalog.text(.decisionProblemOwnReferral)
        case .unreadable(let reason): return catalog.text(.decisionProblemUnreadable, ["reason": reason])
        case .rulesDiffer(let id, let version): return catalog.text(.decisionProblemRulesDiffer, ["rules": id, "version": String(version)])
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
        if refuse && !AnswerText.hasWords(reason ?? "") {
            throw ValidationError("A refusal needs its reasons: add --reason \"…\" in plain words the person can understand.")
        }
    }

    func run() throws {
        let context = try AppContext.load(options)
        let store = try context.openStore()
        do {
            let summary = try store.summary(id: record)
            guard summary.state.isReferredOrDecided else {
                throw Failure(context.catalog.text(summary.state.isSigned ? .decisionProblemNotReferred : .decisionProblemNotSigned))
            }
            let decider = try context.decidingKey(file: key, passphraseFile: passphraseFile, store: store, record: record)
            print(BidiIsolation.safeText(try context.decide(record: record, store: store, key: decider.key, identity: decider.trusted,
                                                            outcome: approve ? .approved : .refused, reasons: reason ?? "")))
            print("The person's copy: blether export \(record) --format text")
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
