import Foundation

/// Typing that is not shown: a passphrase read from the terminal with echo off, echo given
/// back afterwards whatever happens, and the line ended on `output`.
///
/// ```swift
/// let passphrase = HiddenTyping.read(endingLineOn: .standardError) { readLine() }
/// ```
package enum HiddenTyping {
    package static func read<Line>(endingLineOn output: FileHandle, _ reading: () -> Line) -> Line {
        var original = termios()
        tcgetattr(0, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        defer {
            tcsetattr(0, TCSAFLUSH, &original)
            output.write(Data("\n".utf8))
        }
        return reading()
    }
}
