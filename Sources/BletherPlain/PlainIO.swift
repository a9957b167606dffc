import BletherCore
import Foundation

/// Where plain mode reads lines from: standard input, or a script in tests.
package protocol LineSource {
    /// The next line without its line break; `nil` at the end of input.
    mutating func nextLine() -> String?
}

/// Where plain mode writes: standard output, or a buffer in tests.
package protocol PlainOutput: AnyObject {
    /// Writes a whole line.
    func line(_ text: String)
    /// Writes a prompt and leaves the cursor after it.
    func prompt(_ text: String)
}

/// Lines from standard input.
package struct StandardInput: LineSource {
    package init() {}
    package mutating func nextLine() -> String? { readLine(strippingNewline: true) }
}

/// Lines to standard output, flushed at once so a screen reader or a script sees them.
/// Every line is made safe on its way out (``BidiIsolation/safeText(_:)``): a bidi control
/// a person typed is shown, never obeyed.
package final class StandardOutput: PlainOutput {
    package init() {}
    package func line(_ text: String) {
        FileHandle.standardOutput.write(Data((BidiIsolation.safeText(text) + "\n").utf8))
    }
    package func prompt(_ text: String) {
        FileHandle.standardOutput.write(Data((BidiIsolation.safeText(text) + " ").utf8))
    }
}

/// Scripted lines, for tests and for driving plain mode from code.
package struct ScriptedInput: LineSource {
    private var lines: [String]
    package init(_ lines: [String]) { self.lines = lines }
    package mutating func nextLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

/// Everything written, kept in memory exactly as ``StandardOutput`` would print it.
package final class RecordedOutput: PlainOutput {
    package private(set) var text = ""
    package init() {}
    package func line(_ text: String) { self.text += BidiIsolation.safeText(text) + "\n" }
    package func prompt(_ text: String) { self.text += BidiIsolation.safeText(text) + " " }
}
