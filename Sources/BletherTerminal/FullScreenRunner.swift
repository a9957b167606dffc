import BletherTUI
import CNcursesw
import Foundation
import Synchronization

/// The signal that asked Blether to stop (SIGINT, SIGTERM, SIGHUP), or 0.
private let pendingSignal = Atomic<Int32>(0)
/// SIGTSTP arrived (`kill -TSTP`: in raw mode Ctrl-Z is only a key): give the terminal back, then stop.
private let suspendRequested = Atomic<Bool>(false)

/// Runs a ``TerminalProgram`` (the full-screen app) on the real terminal until the worker leaves or a signal
/// arrives; SIGTSTP gives the terminal back and stops, and SIGCONT draws the screen again. On every way out the answer being typed is saved if it can be, and the
/// terminal is given back as it was; a signal that ends the person's review is noted in
/// the audit log (``TerminalProgram/endBySignal()``) and told to the caller.
///
/// ```swift
/// if case .signal = try FullScreenRunner.run(app) { … }
/// ```
package enum FullScreenRunner {
    /// How many keys already waiting are handled before the screen is drawn again.
    static let keysPerFrame = 256

    @discardableResult
    package static func run(_ app: some TerminalProgram) throws -> FullScreenEnding {
        // Whatever started Blether may have blocked these; the program needs to see them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&wanted, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in pendingSignal.store(received, ordering: .relaxed) }
        }
        signal(SIGTSTP) { _ in suspendRequested.store(true, ordering: .relaxed) }
        let driver = try TerminalDriver.start(settings: app.settings)
        defer {
            driver.stop()
            signal(SIGTSTP, SIG_DFL)
        }
        let size = driver.size
        app.handle(.resize(columns: size.columns, rows: size.rows))
        var needsDrawing = true
        while !app.isFinished {
            let received = pendingSignal.load(ordering: .relaxed)
            if received != 0 {
                _ = try app.endBySignal()
                return .signal(received)
            }
            if suspendRequested.exchange(false, ordering: .relaxed) {
                // Stopped as a shell's job: the terminal is the shell's meanwhile, mouse off, and
                // the screen is drawn whole again when Blether is continued.
                driver.suspend()
                raise(SIGSTOP)
                driver.resume()
                needsDrawing = true
            }
            if needsDrawing {
                driver.update(settings: app.settings)
                driver.draw(app.render())
                needsDrawing = false
            }
            if let key = driver.nextKey() {
                // Keys already waiting — a paste — are handled together before the screen is
                // drawn again, a few hundred at a time so a long paste still shows it coming in.
                var keys = [key]
                while keys.count < FullScreenRunner.keysPerFrame, let more = driver.pendingKey() { keys.append(more) }
                app.handle(keys)
                needsDrawing = true
            }
        }
        return .left
    }
}
