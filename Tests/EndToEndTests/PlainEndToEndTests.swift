import BletherCore
import BletherForms
import BletherStore
import Foundation
import GRDB
import Testing

/// The real program, driven as a worker's script or a screen-reader user would drive it.
@Suite(.serialized) final class PlainEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-e2e-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: home) }
    var blether: BletherProcess { BletherProcess(home: home) }
    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!

    @Test func aScriptedConversationIsRefusedAtCostingThenReachesTheAgreement() throws {
        let script = try String(contentsOf: BletherProcess.scripts.appendingPathComponent("adult-to-agreement.txt"), encoding: .utf8)
        let result = try blether.run(["--plain", "new", "--person", "Morag Campbell"], input: script)
        #expect(result.status == 0, "\(result.errors)")
        let output = result.output
        #expect(output.contains("“Working out the budget” comes next, but it is not open yet. These sections need to be answered or marked “talked about — nothing here” first: “Technology and equipment”."))
        #expect(output.contains("“Working out the budget” is not open yet. These sections need to be answered or marked “talked about — nothing here” first: “Technology and equipment”."))
        #expect(output.contains("“Technology and equipment” is marked as talked about — nothing here."))
        #expect(output.contains("Section 10 of 15: Working out the budget"))
        #expect(output.contains("Section 14 of 15: Reading back and agreement"))
        #expect(output.contains("14. Reading back and agreement — not started (you are here)"))
        let finalStatus = try #require(output.components(separatedBy: "Sections of “Good conversation (adults)” with Morag Campbell:").last)
        let lines = finalStatus.split(separator: "\n").prefix(15)
        #expect(lines.prefix(13).allSatisfy { $0.hasSuffix("— answered") || $0.hasSuffix("— talked about — nothing here") }, "\(lines)")
        let list = try blether.run(["list"])
        #expect(list.status == 0)
        #expect(list.output.split(separator: "\n").count == 2)
        #expect(list.output.contains("Morag Campbell") && list.output.contains("adult-good-conversation") && list.output.contains("draft"))
    }

    @Test func aKilledSessionResumesWithEveryCommittedAnswer() throws {
        let running = try blether.start(["--plain", "new", "--person", "Iain MacLeod"])
        let prompt = "[the person] > "
        #expect(running.wait { $0.contains(prompt) })
        let typed: [(String, Int)] = [("1,3", 1), ("Gàidhlig", 2), ("Slowly, with pictures", 2), (".", 3), ("yes", 4), ("1", 5), (":who carer", 6)]
        for (line, promptsAfter) in typed {
            running.type(line)
            #expect(running.wait { $0.components(separatedBy: "] > ").count - 1 > promptsAfter || $0.contains("[an unpaid carer] > ") })
        }
        running.type("yes")
        #expect(running.wait { $0.contains("1.9 Are you happy for this record to be shared") && $0.hasSuffix("[an unpaid carer] > ") })
        running.type("half of an answer that is never fin")
        running.killHard()

        let id = try #require(running.output.firstMatch(of: /Its id is ([a-z0-9]{8})/)?.1).description
        let store = try BletherProcess(home: home).openStore()
        let session = try store.restore(id: id, form: form)
        #expect(session.answers["present"]?.value == .choices(["person", "family"], other: nil))
        #expect(session.answers["language"]?.value == .text("Gàidhlig"))
        #expect(session.answers["communication"]?.value == .text("Slowly, with pictures"))
        #expect(session.answers["advocacy-wanted"]?.value == .choice("yes-now", other: nil))
        #expect(session.answers["consent-record"]?.value == .yesNo(true))
        #expect(session.answers["consent-record"]?.speaker == .carer)
        #expect(session.answers["consent-share"] == nil)
        #expect(session.cursor == .question("consent-share"))

        let resumed = try blether.run(["--plain", "resume", id], input: ":quit\n")
        #expect(resumed.status == 0)
        #expect(resumed.output.contains("Carrying on the conversation with Iain MacLeod"))
        #expect(resumed.output.contains("1.9 Are you happy for this record to be shared with the people who will arrange your support? (required)"))
        #expect(resumed.output.contains("[an unpaid carer] > "))
    }

    @Test func helpWorksAtTheHomePromptToo() throws {
        let result = try blether.run(["--plain"], input: ":help\n:quit\n")
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("Commands (type them at any prompt):"), "\(result.output)")
        #expect(!result.output.contains("That is not one of the numbers shown."), "\(result.output)")
    }

    @Test func helpWorksWhileStartingAConversationAndIsNeverTakenForAName() throws {
        let result = try blether.run(["--plain"], input: "n\n:help\n1\n:help\n:status\nAilsa Grant\n:quit\n")
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.components(separatedBy: "Commands (type them at any prompt):").count == 3, "\(result.output)")
        #expect(result.output.contains("Started a conversation with Ailsa Grant"), "\(result.output)")
        let listed = try blether.run(["list"])
        #expect(!listed.output.contains(":help") && !listed.output.contains(":status"), "\(listed.output)")
    }

    @Test func aPassphraseTypedWrongMayBeTypedAgainUpToThreeTimes() throws {
        var typing = blether
        typing.extraEnvironment["BLETHER_PASSPHRASE_FILE"] = ""
        let second = try typing.run(["list"], input: "not the passphrase\n\(BletherProcess.passphrase)\n")
        #expect(second.status == 0, "\(second.output)\(second.errors)")
        #expect(second.errors.contains("That passphrase does not open the signing key."), "\(second.errors)")
        let never = try typing.run(["list"], input: "wrong one\nwrong two\nwrong three\n\(BletherProcess.passphrase)\n")
        #expect(never.status == 1)
        #expect(never.errors.components(separatedBy: "That passphrase does not open the signing key.").count - 1 == 3, "\(never.errors)")
        let audit = try blether.run(["audit"]).output
        #expect(audit.components(separatedBy: "passphrase-wrong ").count - 1 >= 4, "\(audit)")
    }

    @Test func twoProcessesOnOneDataDirectoryBothKeepEverything() async throws {
        let answers = "1\nEnglish\nFine\n.\nno\nyes\nyes\nWalking\n.\n:quit\n"
        let blether = self.blether
        async let first = Task.detached { try blether.run(["--plain", "new", "--person", "Person One"], input: answers) }.value
        async let second = Task.detached { try blether.run(["--plain", "new", "--person", "Person Two"], input: answers) }.value
        let results = [try await first, try await second]
        #expect(results.allSatisfy { $0.status == 0 })
        let store = try BletherProcess(home: home).openStore()
        let summaries = try store.summaries()
        #expect(Set(summaries.map(\.person)) == ["Person One", "Person Two"])
        for summary in summaries {
            let session = try store.restore(id: summary.id, form: form)
            #expect(session.answers["own-words"]?.value == .text("Walking"))
            #expect(session.answers.count == 7)
        }
        let queue = try DatabaseQueue(path: home.appendingPathComponent(ConversationStore.fileName).path)
        let integrity = try await queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func formsCheckIsCleanOnTheShippedFilesAndNamesTheLineOfABrokenCopy() throws {
        let clean = try blether.run(["forms", "check"])
        #expect(clean.status == 0)
        #expect(clean.output.contains("No problems found."))
        #expect(clean.output.contains("language gd (Gàidhlig): DRAFT — not yet reviewed by a fluent speaker"))

        let copy = home.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let original = FormFixtureFiles.shipped.formsDirectory.appendingPathComponent("outcomes-review.yaml")
        let text = try String(contentsOf: original, encoding: .utf8).replacingOccurrences(of: "id: people-changed\n        kind: yesno", with: "id: people-changed\n        kind: yes-no")
        let broken = copy.appendingPathComponent("outcomes-review.yaml")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("kind: yes-no") }! + 1
        let result = try blether.run(["forms", "check", broken.path])
        #expect(result.status == 1)
        #expect(result.output.contains("\(broken.path):\(line): 'yes-no' is not a kind of question — did you mean 'yesno'?"))
    }

    @Test func aDatabaseFromANewerBletherIsLeftAlone() throws {
        _ = try blether.run(["list"])
        let url = home.appendingPathComponent(ConversationStore.fileName)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-later')") }
        try queue.close()
        let before = try Data(contentsOf: url)
        let result = try blether.run(["--plain", "new", "--person", "Someone"])
        #expect(result.status == 1)
        #expect(result.errors.contains("was written by a newer version of Blether. Nothing was changed."))
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func badInputGetsAClearMessageAndTheRightExitCode() throws {
        let blocker = home.appendingPathComponent("not-a-directory")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: blocker)
        var elsewhere = BletherProcess(home: blocker.appendingPathComponent("data"))
        let unwritable = try elsewhere.run(["list"])
        #expect(unwritable.status == 1)
        #expect(unwritable.errors.contains("Blether cannot write to its data directory \(blocker.path)/data."))

        let usage = try blether.run(["--plain", "new"])
        #expect(usage.status == 2)
        let noForm = try blether.run(["--plain", "new", "--form", "nope", "--person", "A"])
        #expect(noForm.status == 1)
        #expect(noForm.errors.contains("There is no form called “nope”. The forms are: adult-good-conversation, outcomes-review."))
        let noConversation = try blether.run(["--plain", "resume", "zzzzzzzz"])
        #expect(noConversation.status == 1)
        #expect(noConversation.errors.contains("There is no conversation with id “zzzzzzzz”."))
        elsewhere.extraEnvironment["BLETHER_LANG"] = "xx"
        let noLanguage = try blether.run(["--lang", "xx", "list"])
        #expect(noLanguage.status == 2, "a language that does not exist is a usage error, as other wrong options are")
        #expect(noLanguage.errors.contains("There is no catalog for the language “xx”. Languages available: en-GB, gd, pl, ur, zh-Hans."))
    }

    @Test func plainModeStartsForDumbTerminalsAndOnRequest() throws {
        var blether = self.blether
        let home = try blether.run([], input: "n\n1\nMorag\n:quit\n")
        #expect(home.status == 0)
        #expect(home.output.contains("There are no conversations yet."))
        #expect(home.output.contains("1. Good conversation (adults) — "))
        #expect(home.output.contains("Started a conversation with Morag: “Good conversation (adults)”."))
        blether.extraEnvironment["TERM"] = "xterm-256color"
        blether.extraEnvironment["BLETHER_PLAIN"] = "1"
        let again = try blether.run([], input: "1\n:quit\n")
        #expect(again.output.contains("1. Morag — Good conversation (adults) — draft — "))
        #expect(again.output.contains("Carrying on the conversation with Morag"))
    }
}

/// The shipped content, found from this source file.
enum FormFixtureFiles {
    static let shipped = ContentLocation.shipped(executable: URL(fileURLWithPath: #filePath))
}
