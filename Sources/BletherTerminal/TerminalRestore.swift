import CNcursesw
import Foundation

/// Mouse reporting, and giving the terminal back even when Blether crashes.
///
/// With the mouse on, the terminal is asked to report the left button and the wheel in
/// xterm's SGR form (modes 1000 and 1006); terminals that do not know them ignore the
/// request. Every way out turns it off again as the screen is restored: leaving, a signal
/// (through ``TerminalDriver/stop()``), and a crash signal, whose handler writes the
/// sequences that leave the full screen, restores the terminal's settings and then lets the
/// crash end the program as before.
///
/// ```swift
/// TerminalRestore.mouse(on: true)
/// TerminalRestore.onCrash(saved: settings)
/// ```
enum TerminalRestore {
    static let mouseOn = "\u{1B}[?1000h\u{1B}[?1006h"
    static let mouseOff = "\u{1B}[?1006l\u{1B}[?1000l"

    /// Asks the terminal to report clicks and the wheel, or to stop.
    static func mouse(on: Bool) {
        write(on ? mouseOn : mouseOff)
    }

    private static func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    static let crashSignals = [SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSEGV, SIGTRAP]

    /// Installs handlers for the crash signals that give the terminal back first, unless
    /// someone else (the Swift backtracer a developer asked for) already handles them.
    static func onCrash(saved: termios) {
        // The leaving sequences are worked out now: a signal handler may only write().
        var text = mouseOff
        for capability in ["rmcup", "cnorm", "sgr0"] {
            if let sequence = tigetstr(capability), sequence != UnsafeMutablePointer<CChar>(bitPattern: -1) { text += String(cString: sequence) }
        }
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        crashBytes = UnsafeBufferPointer(buffer)
        crashSettings = saved
        for crash in crashSignals {
            var current = sigaction()
            sigaction(crash, nil, &current)
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            signal(crash, crashHandler)
            handledCrashes.append(crash)
        }
    }

    /// The terminal is given back: a crash from now on ends the program as before.
    static func forgetCrash() {
        for crash in handledCrashes { signal(crash, SIG_DFL) }
        handledCrashes = []
    }
}

/// Set before the crash handlers are installed, then only read (by the handler).
private nonisolated(unsafe) var crashBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
private nonisolated(unsafe) var crashSettings = termios()
/// Touched only on the terminal's thread.
private nonisolated(unsafe) var handledCrashes: [Int32] = []

private func crashHandler(_ received: Int32) {
    _ = write(STDOUT_FILENO, crashBytes.baseAddress, crashBytes.count)
    tcsetattr(STDIN_FILENO, TCSANOW, &crashSettings)
    signal(received, SIG_DFL)
    raise(received)
}
