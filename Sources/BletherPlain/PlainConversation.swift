import BletherCore
import BletherRecords
import BletherStore
import Foundation

/// The plain, line-by-line face of a conversation: numbered prompts on standard input
/// and output, no colour or cursor control, for screen readers, braille displays and
/// scripts. Every accepted answer is saved before the next prompt appears.
///
/// ```swift
/// let plain = PlainConversation(session: session, conversationID: id, person: "Morag", store: store,
///                               words: words, input: StandardInput(), output: StandardOutput())
/// try plain.run()
/// ```
package final class PlainConversation {
    package private(set) var session: Session
    let conversationID: String
    /// The supported person's name, for headings.
    let person: String
    let store: ConversationStore
    let words: ConversationWording
    var input: any LineSource
    let output: any PlainOutput
    let clock: () -> Date
    /// Signs the record when the worker types `:sign`; returns what to say, or throws a message.
    let signer: (() throws -> String)?
    private var sectionShown: String?
    /// A command typed where the words for `:nothing` were asked for: carried out instead of marking.
    private var pendingCommand: PlainCommand?
    /// Whether this sitting has changed the conversation yet (noted once in the audit log).
    private var changed = false
    /// The text last printed before the question that confirms it (the read-back, or how the
    /// amount was worked out), with when it was first shown: printed once, not again after a
    /// command typed at that question's prompt, until `:readback` asks for it.
    private var printed: (question: String, kind: ShownText, text: String, viewing: ShownTextViewing)?
    /// `:readback` was typed at the question that confirms a shown text: print it again.
    private var printAgain = false

    /// How a run ended. Either way, everything answered is already saved.
    package enum Ending: Equatable, Sendable {
        case quit
        case endOfInput
    }

    package init(
        session: Session, conversationID: String, person: String, store: ConversationStore, words: ConversationWording,
        input: any LineSource, output: any PlainOutput, clock: @escaping () -> Date = Date.init, signer: (() throws -> String)? = nil
    ) {
        self.signer = signer
        self.session = session
        self.conversationID = conversationID
        self.person = person
        self.store = store
        self.words = words
        self.input = input
        self.output = output
        self.clock = clock
    }

    var catalog: Catalog { words.catalog }

    /// Runs until `:quit` or the end of input.
    package func run() throws(StoreError) -> Ending {
        try store.note(.opened, record: conversationID, at: clock())
        let ending = try loop()
        output.line("")
        output.line(catalog.text(.plainLeaving, ["id": conversationID]))
        return ending
    }

    private func loop() throws(StoreError) -> Ending {
        while true {
            if let command = pendingCommand {
                pendingCommand = nil
                if command == .quit { return .quit }
                try perform(command)
                continue
            }
            showSectionIfChanged()
            let reply: PlainReply
            switch session.cursor {
            case .question(let id):
                guard let question = session.form.question(id: id) else { return .endOfInput }
                reply = try ask(question)
            case .lockedSection(let id):
                let needing = session.form.section(id: id).map(session.sectionsNeeding(before:)) ?? []
                output.line(catalog.text(.plainLockedHere, ["section": words.sectionTitle(id), "sections": words.sectionList(needing)]))
                reply = readCommandOnly()
            case .finished:
                output.line(catalog.text(.plainFinished))
                if signer != nil { output.line(catalog.text(.plainSignHint)) }
                reply = readCommandOnly()
            }
            switch reply {
            case .endOfInput: return .endOfInput
            case .command(.quit): return .quit
            case .command(let command): try perform(command)
            case .moved: continue
            }
        }
    }

    /// The outcome of one prompt that needs the loop's attention.
    enum PlainReply {
        case command(PlainCommand)
        /// The cursor moved (an answer was accepted or kept); show whatever is next.
        case moved
        case endOfInput
    }

    private func readCommandOnly() -> PlainReply {
        while true {
            output.prompt(promptText)
            guard let line = input.nextLine() else { return .endOfInput }
            if let command = PlainCommand(line: line) { return .command(command) }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                output.line(catalog.text(.refusalNoQuestionHere))
            }
        }
    }

    var promptText: String {
        catalog.text(.plainPrompt, ["speaker": words.speakerName(session.speaker)])
    }

    // MARK: Sections and questions

    private func showSectionIfChanged() {
        guard case .question = session.cursor, let section = session.currentSection, section.id != sectionShown,
              let index = session.form.sectionIndex(id: section.id) else { return }
        sectionShown = section.id
        output.line("")
        output.line(catalog.text(.sectionHeading, ["index": String(index + 1), "total": String(session.form.sections.count),
                                                   "title": words.sectionTitle(section.id)]))
        output.line(words.sectionIntro(section.id))
    }

    func number(of question: Question) -> String {
        guard let section = session.form.section(containing: question.id),
              let sectionIndex = session.form.sectionIndex(id: section.id),
              let position = section.questions.firstIndex(where: { $0.id == question.id }) else { return "" }
        return "\(sectionIndex + 1).\(position + 1)"
    }

    private func showQuestion(_ question: Question) {
        output.line("")
        var heading = "\(number(of: question)) \(words.label(question.id))"
        if session.isRequired(question) { heading += " " + catalog.text(.questionRequired) }
        output.line(heading)
        if let hint = words.hint(question.id) { output.line("    " + catalog.text(.questionHint, ["hint": hint])) }
        if let answer = session.answers[question.id], !answer.value.isEmpty {
            let shown = words.answerText(answer.value, question: question.id)
            output.line("    " + catalog.text(.questionCurrentAnswer, ["answer": shown]) + " (" + catalog.text(.questionGivenBy, ["speaker": words.speakerName(answer.speaker)]) + ")")
            output.line("    " + catalog.text(.questionKeep))
        }
    }

    /// Prints a text the person is shown before they are asked about it and returns it, or
    /// says why it cannot be made yet (the text and the reason are the engine's). The same text
    /// already printed for `question` is not printed again (unless `:readback` asked): a line
    /// says it is above, and how to see it again.
    private func show(_ kind: ShownText, for question: String) -> (text: String, viewing: ShownTextViewing)? {
        output.line("")
        switch session.document(of: kind, words: words, person: person).map(\.text) {
        case .success(let text):
            if let earlier = printed, earlier.question == question, earlier.kind == kind, earlier.text == text {
                if printAgain { printLines(text) } else { output.line(catalog.text(kind == .summary ? .plainReadBackAbove : .plainCostingAbove)) }
                printAgain = false
                return (text, earlier.viewing)
            }
            printLines(text)
            let viewing = ShownTextViewing(openedAt: clock())
            printed = (question, kind, text, viewing)
            return (text, viewing)
        case .failure(let unavailable):
            output.line(unavailable.message)
            return nil
        }
    }

    private func printLines(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { output.line(String(line)) }
    }

    /// Shows a question and reads until an answer is accepted, kept or skipped, or a command arrives.
    private func ask(_ question: Question) throws(StoreError) -> PlainReply {
        // The summary is read back, word for word, before the person is asked about it; how the
        // amount was worked out is shown, step by step, before they are asked whether it was gone through.
        var shown: (kind: ShownText, text: String, viewing: ShownTextViewing)?
        var explanationFailed = false
        if let kind = session.shownText(confirmedBy: question.id) {
            if let text = show(kind, for: question.id) { shown = (kind, text.text, text.viewing) } else { explanationFailed = true }
        }
        showQuestion(question)
        // A list is saved item by item, without leaving the question.
        var reader = PlainAnswerReader(question: question, words: words, output: output, promptText: promptText,
                                       saveList: { [unowned self] value throws(StoreError) in try self.apply(.answer(question: question.id, value: value)) })
        reader.rules = ConversationCosting(session: session)?.rules
        // Printed whole, the text counts as gone through once the worker goes on past it; the
        // engine notes it, with how long it took, before any answer to it is given.
        func noteShown() throws(StoreError) {
            guard var current = shown else { return }
            shown = nil
            // Gone through: coming back to this question later shows it afresh.
            printed = nil
            current.viewing.show(lines: 0..<1, of: 1)
            try apply(.shown(current.kind, current.viewing.note(language: catalog.language, sha256: ContentHash.sha256(current.text), closedAt: clock())))
        }
        while true {
            let reply = try reader.read(from: &input, existing: session.answers[question.id]?.value)
            switch reply {
            case .endOfInput, .command: break
            default: try noteShown()
            }
            switch reply {
            case .endOfInput:
                return .endOfInput
            case .command(let command):
                return .command(command)
            case .keep:
                try apply(.skip)
                return .moved
            case .empty where session.isRequired(question) && session.answers[question.id] == nil:
                output.line(words.refusal(.required(question: question.id)))
            case .empty:
                try apply(.skip)
                return .moved
            case .value(let value):
                if explanationFailed, value == .yesNo(true) {
                    output.line(catalog.text(.costingNotShown))
                    continue
                }
                if try apply(.answer(question: question.id, value: value)) {
                    try apply(.skip)
                    return .moved
                }
            }
        }
    }

    /// Hands an event to the engine, saves what changed, and says why if it was refused.
    @discardableResult
    private func apply(_ event: SessionEvent) throws(StoreError) -> Bool {
        var changed = session
        let now = clock()
        do {
            let effects = try changed.handle(event, at: now)
            try store.save(effects, of: changed, conversation: conversationID, at: now)
            let speakerBefore = session.speaker
            session = changed
            try noteChange(effects, at: now)
            // The form moved the speaker: said at once, and the prompt names them.
            var chosenByHand = false
            if case .setSpeaker = event { chosenByHand = true }
            if session.speaker != speakerBefore && !chosenByHand {
                let text: UIText = session.askedSpeaker == session.speaker ? .plainSpeakerAsked : .plainSpeakerNow
                output.line(catalog.text(text, ["speaker": words.speakerName(session.speaker)]))
            }
            if effects.contains(.agreementCleared) { output.line(catalog.text(.agreementCleared, ["person": person])) }
            return true
        } catch let refusal as SessionRefusal {
            output.line(words.refusal(refusal))
            return false
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotSave(reason: "\(error)")
        }
    }

    private func noteChange(_ effects: [SessionEffect], at now: Date) throws(StoreError) {
        guard !self.changed, effects.contains(where: \.changesTheRecord) else { return }
        self.changed = true
        try store.note(.changed, record: conversationID, at: now)
    }

    // MARK: Commands

    private func perform(_ command: PlainCommand) throws(StoreError) {
        switch command {
        case .help:
            output.line(catalog.text(.plainHelp))
        case .status:
            showStatus()
        case .readBack:
            showReadBackAgain()
        case .back:
            try apply(.back)
            sectionShown = nil
        case .skip:
            try apply(.skip)
        case .next:
            try apply(.nextSection)
        case .nothing:
            try markNothingHere()
        case .jump(let target):
            guard !target.isEmpty else { output.line(catalog.text(.plainJumpUsage)); return }
            guard let section = resolveSection(target) else {
                output.line(words.refusal(.unknownSection(target))); return
            }
            if try apply(.jump(section: section.id)) { sectionShown = nil }
        case .who(let name):
            guard let speaker = Speaker(rawValue: name) else { output.line(catalog.text(.plainWhoUsage)); return }
            if try apply(.setSpeaker(speaker)) {
                // On a question the form asks of someone, the change holds for that question alone.
                let text: UIText = session.askedSpeaker == nil ? .plainSpeakerNow : .plainSpeakerNowHere
                output.line(catalog.text(text, ["speaker": words.speakerName(speaker)]))
            }
        case .sign:
            guard let signer else { output.line(catalog.text(.plainUnknownCommand, ["command": ":sign"])); return }
            do { output.line(try signer()) } catch { output.line("\(error)") }
        case .unknown(let text):
            output.line(catalog.text(.plainUnknownCommand, ["command": text]))
        case .quit:
            break
        }
    }

    /// `:nothing` — asks, in a line, what was explored (the section may require it), then marks.
    private func markNothingHere() throws(StoreError) {
        // Refusals that need no words are said before any are asked for.
        let section: Section
        do { section = try session.sectionToMarkNothingHere() } catch { output.line(words.refusal(error)); return }
        let ask: UIText = section.nothingHereNote == .required ? .nothingNoteAskRequired : .nothingNoteAskOptional
        output.line(catalog.text(ask, ["section": words.sectionTitle(section.id)]))
        output.prompt(promptText)
        guard let note = input.nextLine() else { return }
        // ":quit" is a command, not what was talked about.
        if let command = PlainCommand(line: note) { pendingCommand = command; return }
        if try apply(.markNothingHere(note: note)) {
            output.line(catalog.text(.plainMarked, ["section": words.sectionTitle(section.id)]))
        }
    }

    /// `:readback` — at the question that confirms a shown text, that text again (the question
    /// follows it); anywhere else, the summary as it would be read back now.
    private func showReadBackAgain() {
        if case .question(let id) = session.cursor, session.shownText(confirmedBy: id) != nil {
            printAgain = true
            return
        }
        output.line("")
        switch session.document(of: .summary, words: words, person: person).map(\.text) {
        case .success(let text): printLines(text)
        case .failure(let unavailable): output.line(unavailable.message)
        }
    }

    /// A section by number, id, or the start of its title (any case).
    func resolveSection(_ target: String) -> Section? {
        let sections = session.form.sections
        if let number = Int(target), (1...sections.count).contains(number) { return sections[number - 1] }
        if let byID = session.form.section(id: target.lowercased()) { return byID }
        let wanted = target.lowercased()
        return sections.first { words.sectionTitle($0.id).lowercased().hasPrefix(wanted) }
    }

    private func showStatus() {
        output.line(catalog.text(.plainStatusHeading, ["form": words.formTitle, "person": person]))
        let states = session.sectionStates
        for (index, section) in session.form.sections.enumerated() {
            var line = catalog.text(.plainStatusLine, ["index": String(index + 1), "title": words.sectionTitle(section.id),
                                                      "state": words.state(states[section.id] ?? .notStarted)])
            if section.id == session.currentSection?.id { line += " " + catalog.text(.plainStatusHere) }
            output.line(line)
        }
        output.line(words.progress(of: session))
    }
}
