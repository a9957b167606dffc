import Foundation

/// Keeps the Swift runtime's crash debugger away from whoever has the keyboard.
///
/// The runtime's backtracer catches Ctrl-\ (SIGQUIT) and every crash signal and, on a
/// terminal, offers an interactive prompt showing memory, registers and threads — and can
/// drop into a debugger. A supported person reading their record must never reach that.
/// So, first thing in `main`: SIGQUIT is ignored for the whole program (in every mode), and
/// the crash signals go back to the system's default (the program ends, nothing
/// interactive). Tried on this machine with a release build: a handler set in `main`
/// replaces the backtracer's, for SIGQUIT and for a crash alike. A developer who wants
/// the backtracer sets `SWIFT_BACKTRACE` themselves; only the crash signals are left to it then.
///
/// ```swift
/// CrashSignals.keepDebuggerAway(environment: ProcessInfo.processInfo.environment)
/// ```
enum CrashSignals {
    static let crashes = [SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSEGV, SIGTRAP]

    static func keepDebuggerAway(environment: [String: String]) {
        signal(SIGQUIT, SIG_IGN)
        guard environment["SWIFT_BACKTRACE"] == nil else { return }
        for crash in crashes { signal(crash, SIG_DFL) }
    }
}
