import BletherRecords
import Foundation
import Testing

/// A worker's first start at a terminal: their name, then a passphrase; one that is refused is
/// asked for again, and only after three refusals does Blether stop, having made nothing.
@Suite(.serialized, .enabled(if: TmuxTerminal.isAvailable, "tmux is needed; .ci/run installs it"))
final class FirstRunEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("blether-first-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: home) }

    /// Blether with no key and no passphrase file, so the worker is asked at the terminal.
    func start() throws -> TmuxTerminal {
        try TmuxTerminal(command: "env -u BLETHER_PASSPHRASE_FILE \(BletherProcess.binary.path); echo \"blether ended with $?\"; sleep 600",
                         environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25", "BLETHER_HOME": home.path, "TERM": "tmux-256color"])
    }

    var keyFile: URL { home.appendingPathComponent("keys/signing-key.json") }

    @Test func aRefusedPassphraseIsAskedForAgain() throws {
        let terminal = try start()
        #expect(try terminal.waitFor("Your name, as it will appear on signed records:"), "\(terminal.lastScreen)")
        try terminal.type("Ailsa Grant")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("Choose a passphrase (at least"), "\(terminal.lastScreen)")
        try terminal.type("short")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("characters. Please try again."), "\(terminal.lastScreen)")
        try terminal.type("heather on the hill")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("The same passphrase again:"), "\(terminal.lastScreen)")
        try terminal.type("heather on the hills")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("The two passphrases are different. Please try again."), "\(terminal.lastScreen)")
        #expect(!FileManager.default.fileExists(atPath: keyFile.path), "nothing is made before the passphrase is settled")
        try terminal.type("heather on the hill")
        try terminal.press("Enter")
        #expect(try terminal.waitFor { $0.components(separatedBy: "The same passphrase again:").count == 3 }, "\(terminal.lastScreen)")
        try terminal.type("heather on the hill")
        try terminal.press("Enter")
        #expect(try terminal.waitFor("Blether — conversations"), "\(terminal.lastScreen)")
        try terminal.press("C-c")
        #expect(try terminal.waitFor("blether ended with 0"), "\(terminal.lastScreen)")
        let file = try #require(try KeyStore(dataDirectory: home).ownKey())
        #expect(file.identity.name == "Ailsa Grant")
        _ = try file.unlock(passphrase: "heather on the hill")
        #expect(!terminal.lastScreen.contains("heather"), "a passphrase is never shown")
    }

    @Test func threeRefusalsMakeNothing() throws {
        let terminal = try start()
        #expect(try terminal.waitFor("Your name, as it will appear on signed records:"), "\(terminal.lastScreen)")
        try terminal.type("Ailsa Grant")
        try terminal.press("Enter")
        for attempt in 1...3 {
            #expect(try terminal.waitFor { $0.components(separatedBy: "Choose a passphrase (at least").count == attempt + 1 }, "\(terminal.lastScreen)")
            try terminal.type("short")
            try terminal.press("Enter")
        }
        #expect(try terminal.waitFor("Nothing was made; start Blether again to try once more."), "\(terminal.lastScreen)")
        #expect(try terminal.waitFor("blether ended with 1"), "\(terminal.lastScreen)")
        #expect(!FileManager.default.fileExists(atPath: keyFile.path))
    }
}
