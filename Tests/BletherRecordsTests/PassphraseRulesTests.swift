import BletherRecords
import Foundation
import Testing

/// Passphrase files, and the rules a new passphrase meets.
@Suite struct PassphraseRulesTests {
    @Test(arguments: ["words to open it\n", "words to open it\r\n", "words to open it\r", "words to open it", "words to open it\r\nsecond line\r\n"])
    func aFileHoldsItsFirstLineWithoutTheLineEnding(text: String) {
        #expect(PassphraseFile.passphrase(in: text) == "words to open it")
    }

    @Test func aPassphraseOfOnlyWhiteSpaceIsRefused() {
        for blank in [String(repeating: " ", count: 10), String(repeating: "\t", count: 10), " \t \t \u{00A0}\u{3000}    "] {
            #expect(throws: WorkerKeyFile.Problem.passphraseOnlyWhiteSpace) {
                try WorkerKeyFile.create(name: "A", role: .worker, passphrase: blank, rounds: 1 << 10)
            }
        }
        #expect(throws: WorkerKeyFile.Problem.passphraseTooShort(minimum: 10)) { try WorkerKeyFile.checkNew(passphrase: "") }
        #expect(throws: Never.self) { try WorkerKeyFile.checkNew(passphrase: "  spaced   words  ") }
    }

    /// Ten zero-width spaces, NUL bytes or Esc presses are ten characters no one can see or retype.
    @Test(arguments: [String(repeating: "\u{200B}", count: 10), String(repeating: "\u{0}", count: 10), String(repeating: "\u{1B}", count: 12),
                      "\u{FEFF}\u{200D}\u{2060}\u{200E}\u{202E}\u{7}\u{8}\u{7F}\u{9B}\u{AD}", "abc\u{200B}\u{200B}\u{200B}\u{0}\u{0}  \u{1B}\u{1B}def",
                      String(repeating: "\u{200B}\u{301}", count: 5)])
    func aPassphraseWithTooFewVisibleCharactersIsRefused(text: String) {
        #expect(throws: WorkerKeyFile.Problem.passphraseTooFewVisible(minimum: 10)) {
            try WorkerKeyFile.create(name: "A", role: .worker, passphrase: text, rounds: 1 << 10)
        }
    }

    /// Letters in any script, digits, punctuation and symbols all count, with spaces between them.
    @Test(arguments: ["words to open it", "Tha mi sgìth", "zażółć gęślą", "我的密码短语很长很长吧", "میرا پاس ورڈ لمبا", "1234567890", "!@#$%^&*()", "£€¥+=<>|~^`", "é\u{301}a\u{301}bcdefghi"])
    func aPassphraseOfVisibleCharactersIsKept(text: String) throws {
        #expect(throws: Never.self) { try WorkerKeyFile.checkNew(passphrase: text) }
        // Nine of its visible characters, padded past ten with invisible ones, are not enough.
        let visible = text.filter(WorkerKeyFile.isVisible)
        let padded = "\u{200B}" + String(visible.suffix(9)) + "\u{0}\u{1B}"
        #expect(throws: WorkerKeyFile.Problem.passphraseTooFewVisible(minimum: 10)) { try WorkerKeyFile.checkNew(passphrase: padded) }
    }

    /// Earlier versions read `words\r\n` from a Windows file as the passphrase, line ending and all.
    @Test(arguments: ["\r\n", "\r"])
    func aKeyMadeFromACRLFFileByAnEarlierVersionStillOpens(ending: String) throws {
        let made = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "words to open it" + ending, rounds: 1 << 10)
        let typed = try made.file.unlock(passphrase: "words to open it")
        #expect(typed.identity == made.file.identity, "the same words, typed or read from any file, open it")
        let fromFile = try made.file.unlock(passphrase: PassphraseFile.passphrase(in: "words to open it\r\n"))
        #expect(fromFile.identity == made.file.identity)
        #expect(throws: WorkerKeyFile.Problem.wrongPassphrase) { try made.file.unlock(passphrase: "other words entirely") }
    }

    @Test func aKeyMadeNowOpensOnlyWithItsOwnWords() throws {
        let made = try WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "words to open it", rounds: 1 << 10)
        #expect(try made.file.unlock(passphrase: PassphraseFile.passphrase(in: "words to open it\r\n")).identity == made.file.identity)
        #expect(throws: WorkerKeyFile.Problem.wrongPassphrase) { try made.file.unlock(passphrase: "words to open") }
    }

    @Test func onlyTheOwnerMayReachAPassphraseFile() {
        #expect(!PassphraseFile.othersCanReach(permissions: 0o600))
        #expect(!PassphraseFile.othersCanReach(permissions: 0o400))
        #expect(PassphraseFile.othersCanReach(permissions: 0o640))
        #expect(PassphraseFile.othersCanReach(permissions: 0o604))
        #expect(PassphraseFile.othersCanReach(permissions: 0o620))
    }
}
