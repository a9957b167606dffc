import BletherApp
import BletherCore
import BletherStore
import BletherTestSupport
import BletherTUI
import Foundation
import Testing

/// Every F-key action has a Ctrl key, from one table, shown in the key bar, the F1 help and
/// the README, in every language.
@Suite struct KeyShortcutTests {
    static let languages = ["en-GB", "gd", "pl", "zh-Hans", "ur"]

    @Test func everyFKeyHasItsOwnCtrlKeyThatNoFieldAndNoTerminalUses() {
        #expect(KeyShortcut.all.map(\.functionKey) == Array(1...10))
        #expect(Set(KeyShortcut.all.map(\.control)).count == KeyShortcut.all.count)
        // Editing and screen keys (Ctrl-A, E, U, S, Q, N, P), the terminal's own (C, Z, \, flow
        // control S and Q), keys that are other keys (H Backspace, I Tab, J and M Enter),
        // tmux's prefix (B) and Windows Terminal's paste (V).
        let taken: Set<Character> = ["a", "e", "u", "s", "q", "n", "p", "c", "z", "h", "i", "j", "m", "b", "v"]
        for shortcut in KeyShortcut.all {
            #expect(!taken.contains(shortcut.control), "\(shortcut.controlName) for \(shortcut.functionName) is already used")
            #expect(shortcut.control.isASCII && shortcut.control.isLowercase)
        }
    }

    @Test(arguments: languages)
    func theHelpListsEveryFKeyBesideItsCtrlKey(language: String) throws {
        let catalog = try #require(TUIFixture.library.catalog(language: language))
        let help = HelpOverlay.text(catalog)
        #expect(!help.contains("{f"), "a placeholder left unfilled")
        for shortcut in KeyShortcut.all {
            #expect(help.contains(shortcut.helpName), "\(language): F1 help lacks \(shortcut.helpName)")
        }
        // The key column stays aligned: each filled name is padded to the same width.
        let keyLines = help.split(separator: "\n").filter { line in KeyShortcut.all.contains { line.hasPrefix("  " + $0.helpName) } }
        for line in keyLines {
            let shortcut = KeyShortcut.all.last { line.hasPrefix("  " + $0.helpName) }!
            let rest = line.dropFirst(2 + shortcut.helpName.count)
            #expect(rest.prefix(while: { $0 == " " }).count == HelpOverlay.keyColumn - shortcut.helpName.count, "\(line)")
        }
    }

    /// Ctrl-Q is the terminal's (flow control), as the README says: it neither leaves a
    /// conversation nor ends Blether at the home.
    @Test func ctrlQIsNotABletherKey() throws {
        let fixture = try TUIFixture()
        fixture.press(.control("q"))
        #expect(!fixture.app.isFinished)
        try fixture.startConversation()
        fixture.press(.control("q"))
        #expect(fixture.app.conversation != nil, "\(fixture.screen)")
    }

    @Test func theReadmeTableIsTheTable() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for shortcut in KeyShortcut.all {
            #expect(readme.contains("| \(shortcut.functionName) | \(shortcut.controlName) |"), "README lacks \(shortcut.functionName) / \(shortcut.controlName)")
        }
    }

    /// The key bar of each kind of screen at 80 columns, in each language: F1 and its Ctrl key
    /// always there, each F-key with its Ctrl key beside it.
    @Test(arguments: languages)
    func keyBarsAt80Columns(language: String) throws {
        let fixture = try TUIFixture(language: language, columns: 80, rows: 24)
        var bars: [String] = []
        func bar(_ what: String) {
            let grid = fixture.app.render()
            bars.append("\(what):\n\(grid.line(grid.rows - 1))")
        }
        _ = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell", language: language, at: TUIFixture.clock())
        try fixture.restart()
        bar("home")
        try fixture.startConversation()
        bar("conversation, choices")
        fixture.press(.character("1"), .tab)
        bar("conversation, one line")
        fixture.press(.function(2))
        bar("section list")
        fixture.press(.escape, .function(10))
        for line in bars.joined(separator: "\n").split(separator: "\n") where !line.hasSuffix(":") {
            #expect(line.contains(KeyShortcut.forFunctionKey(1)!.barName), "\(language): F1 not in \(line)")
            for shortcut in KeyShortcut.all where line.contains(shortcut.functionName + " ") {
                Issue.record("\(language): \(shortcut.functionName) without its Ctrl key in \(line)")
            }
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/key-bars-80-\(language).txt")
        let text = bars.joined(separator: "\n") + "\n"
        switch try ReferenceFile(url).check(text) {
        case .matches, .written: break
        case .missing: Issue.record("Snapshots/key-bars-80-\(language).txt is missing:\n\(text)")
        case .differs(let expected): #expect(text == expected)
        }
    }

    /// The Ctrl key reaches the same action as the F-key: the model sees the F-key, as the
    /// terminal edge decodes it (see KeyDecodingTests); here the table's words for each.
    @Test func theBarNamesAreWhatTheKeyBarShows() {
        #expect(KeyShortcut.forFunctionKey(9)?.barName == "F9/^F")
        #expect(KeyShortcut.forControl("r")?.functionKey == 7)
        #expect(KeyShortcut.forControl("a") == nil)
        #expect(KeyShortcut.barNames["f10"] == "F10/^X")
    }
}
