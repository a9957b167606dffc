/// How a full-screen run ended: left from within, or ended by a signal from outside.
///
/// ```swift
/// if case .signal = try FullScreenRunner.run(app) { … }
/// ```
package enum FullScreenEnding: Equatable, Sendable {
    /// The worker left, or the person's review was closed with the worker's passphrase.
    case left
    /// SIGTERM (kill), SIGHUP (the terminal closed) or a SIGINT sent from outside ended it;
    /// the answer being typed was saved if it could be, and an open review was noted in the
    /// audit log as ended without the passphrase.
    case signal(Int32)
}
