import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on `blether.lock` in the data directory, held while a process opens
/// and migrates the database, so two Blethers starting at once never race to create it.
struct OpeningLock {
    private let descriptor: Int32

    /// Waits for the lock; throws when the lock file cannot be made.
    init(directory: URL) throws(StoreError) {
        let path = directory.appendingPathComponent("blether.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .directoryNotWritable(path: directory.path) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { break }
        }
    }

    /// Lets the next process open the database.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
