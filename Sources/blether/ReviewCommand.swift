import ArgumentParser
import BletherCore
import BletherPlain
import BletherRecords
import BletherStore
import BletherTerminal
import Foundation

/// `blether review RECORD`: hand the laptop to the supported person to read their own
/// record. Leaving needs the worker's passphrase, typed at the keyboard.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Let the supported person read their own record, add their words, and nothing else.",
        discussion: """
            Leaving needs the worker's passphrase, typed at the keyboard. In plain mode no key ends the review: Ctrl-D, Ctrl-C, \
            Ctrl-\\ and Ctrl-Z are ignored. Only SIGTERM (kill) or SIGHUP (the terminal closing) ends it without the passphrase, \
            in plain mode and full screen alike: exit status 1, noted in the audit log as review-ended-without-passphrase. \
            When standard input is not a terminal (a script, a pipe), its end ends a plain review in the same way, and the \
            review says so when it starts. A line of the person's words that is the worker's passphrase is never saved.
            """)

    @ParentCommand var options: Blether
    @Argument(help: "The record's id.") var record: String

    func run() throws {
        var context = try AppContext.load(options)
        let store = try context.openStore()
        let keys = KeyStore(dataDirectory: DataDirectory.resolve(environment: context.environment))
        guard let keyFile = try keys.ownKey() else { throw Failure(context.catalog.text(.signNoKey)) }
        let unlocks: (String) -> Bool = { [openedKey = context.openedKey] passphrase in
            let opened = openedKey.key(of: keyFile.identity, confirmedBy: passphrase) != nil || (try? keyFile.unlock(passphrase: passphrase)) != nil
            try? store.audit(actor: keyFile.identity.keyID, action: opened ? .passphraseRight : .passphraseWrong, record: record, at: Date())
            return opened
        }
        do {
            let summary = try store.summary(id: record)
            // The person reads in the language the record was made in, unless told otherwise.
            if options.lang == nil, let own = try context.catalog(language: summary.language) {
                context = context.speaking(summary.language, catalog: own)
            }
            guard context.plain else {
                let ending = try context.runFullScreen(store: store) { app throws(StoreError) in
                    app.reviewLock = unlocks
                    try app.review(conversation: record)
                }
                // A signal ended the review without the passphrase: noted in the audit log by the app; exit status 1.
                if case .signal = ending { throw Failure(context.catalog.text(.reviewEndedWithoutPassphrase)) }
                return
            }
            guard let form = try context.library.form(id: summary.formID, version: summary.formVersion) else {
                throw Failure(context.catalog.text(.errorFormVersionGone, ["version": String(summary.formVersion), "form": summary.formID, "available": "—"]))
            }
            var session = try store.restore(id: record, form: form)
            var signed: SignedRecordContent?
            if let latest = try RecordSealing(store: store).envelopes(record: record).last,
               let content = try? SignedRecordContent(envelope: Envelope(decoding: latest), form: form) {
                session = content.session
                signed = content
            }
            // Who signed it, only as verified against the keys trusted here.
            let verified = try RecordSealing(store: store).verify(record: record, trusted: (try? keys.trustedIdentities()) ?? [])
            let signing = ReviewSigning(verified: verified, latest: signed)
            // No key the person can press ends the review and hands them the shell (see KioskInput).
            let input = KioskInput()
            input.hold()
            defer { input.release() }
            // Only a script's end ends the review without the passphrase; say so where it applies.
            if !input.isTerminal { StandardOutput().line(context.catalog.text(.reviewPlainScript)) }
            var review = PlainReview(summary: summary, words: ConversationWording(catalog: context.catalog, form: form), session: session, content: signed,
                                     signing: signing, names: PersonSummary.signatureNames(verified: verified), store: store, input: input, output: StandardOutput(), unlocks: unlocks,
                                     isWorkersPassphrase: { [openedKey = context.openedKey] in openedKey.key(of: keyFile.identity, confirmedBy: $0) != nil },
                                     askPassphrase: { input.nextSecretLine(prompt: $0, checkedBy: $1) })
            guard try review.run() else { throw Failure(context.catalog.text(.reviewEndedWithoutPassphrase)) }
        } catch let error as StoreError {
            throw Failure(context.message(for: error))
        }
    }
}
