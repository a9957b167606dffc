import BletherTUI
import CNcursesw
import Foundation
import Synchronization

/// The signal that asked Blether to stop (SIGINT, SIGTERM, SIGHUP), or 0.
private let pendingSignal = Atomic<Int32>(0)

/// Runs a ``TerminalProgram`` (the full-screen app) on the real terminal until the worker leaves or a signal
/// arrives. On every way out the answer being typed is saved if it can be, and the
/// terminal is given back as it was; a signal that ends the person's review is noted in
/// the audit log (``TerminalProgram/endBySignal()``) and told to the caller.
///
/// ```swift
/// if case .signal = try FullScreenRunner.run(app) { … }
/// ```
package enum FullScreenRunner {
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
        let driver = try TerminalDriver.start(settings: app.settings)
        defer { driver.stop() }
        let size = driver.size
        app.handle(.resize(columns: size.columns, rows: size.rows))
        var needsDrawing = true
        while !app.isFinished {
            let received = pendingSignal.load(ordering: .relaxed)
            if received != 0 {
                _ = try app.endBySignal()
                return .signal(received)
            }
            if needsDrawing {
                driver.update(settings: app.settings)
                driver.draw(app.render())
                needsDrawing = false
            }
            if let key = driver.nextKey() {
                app.handle(key)
                needsDrawing = true
            }
        }
        return .left
    }
}
