import Foundation

/// Typing that is not shown: a passphrase read from the terminal with echo off, echo given
/// back afterwards whatever happens, and the line ended on `output`.
///
/// The prompt is written only once echo is off, so nothing typed as soon as it appears is
/// ever shown; what was typed before it is discarded, never taken as the passphrase.
///
/// ```swift
/// let passphrase = HiddenTyping.read(prompt: "Passphrase:", on: .standardError) { readLine() }
/// ```
package enum HiddenTyping {
    package static func read<Line>(prompt: String, on output: FileHandle, _ reading: () -> Line) -> Line {
        var original = termios()
        tcgetattr(0, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        output.write(Data((prompt + " ").utf8))
        defer {
            tcsetattr(0, TCSAFLUSH, &original)
            output.write(Data("\n".utf8))
        }
        return reading()
    }
}
