import Foundation
import Synchronization

/// Work started at once on a thread of its own; whoever needs its result waits only for what
/// is left of it. `verify` checks the audit log this way while the key is being unlocked.
///
/// ```swift
/// let integrity = OnAnotherThread { try locked.integrity(trusted: trusted) }
/// let store = try context.openStore()          // scrypt, on this thread
/// let checked = try integrity.value
/// ```
final class OnAnotherThread<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            finished.signal()
        }
    }

    /// The work's result, or the error it threw, once it has ended.
    var value: Value {
        get throws {
            if let ready = outcome.withLock({ $0 }) { return try ready.get() }
            finished.wait()
            finished.signal()
            return try outcome.withLock { $0! }.get()
        }
    }
}
