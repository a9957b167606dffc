import BletherCore
import BletherRecords
import Foundation
import Testing

/// The passphrase that opened the worker's key is recognised again without a second key
/// derivation; nothing else is, and only for that key.
@Suite struct OpenedKeyTests {
    static let made = try! WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "the worker's own words", rounds: 1 << 4)
    static let other = try! WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the worker's own words", rounds: 1 << 4)

    @Test func theSamePassphraseIsRecognisedAndNoOther() {
        let memory = OpenedKeyMemory()
        #expect(memory.key(of: Self.made.file.identity, confirmedBy: "the worker's own words") == nil, "nothing is remembered before a key is opened")
        memory.remember(OpenedKey(key: Self.made.key, passphrase: "the worker's own words"))
        #expect(memory.key(of: Self.made.file.identity, confirmedBy: "the worker's own words")?.identity == Self.made.file.identity)
        for wrong in ["the worker's own word", "the worker's own words ", "The worker's own words", ""] {
            #expect(memory.key(of: Self.made.file.identity, confirmedBy: wrong) == nil, "\(wrong)")
        }
        #expect(memory.key(of: Self.other.file.identity, confirmedBy: "the worker's own words") == nil, "another key is never given for it")
    }

    @Test func composedAndDecomposedLettersAreTheSamePassphrase() {
        let opened = OpenedKey(key: Self.made.key, passphrase: "Siobh\u{E1}n's own words")
        #expect(opened.isOpened(by: "Siobha\u{301}n's own words"), "the key file opens with either, so the memory does too")
    }
}
