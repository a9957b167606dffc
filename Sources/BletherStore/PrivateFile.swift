import Glibc
import Foundation

/// Writes a file that holds personal data — a person's copy of their record — readable and
/// writable only by its owner (mode 0600), from its first byte. A new file is created 0600;
/// an existing one is made 0600 before anything in it changes, and is refused, untouched, if
/// that cannot be done (another user's file). Devices and pipes (`/dev/stdout`) are written
/// as they are.
///
/// ```swift
/// try PrivateFile.write(Data(copy.text.utf8), to: "morag-copy.txt")
/// ```
public enum PrivateFile {
    /// Why a file could not be written: its path and the system's reason.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static let mode: mode_t = 0o600

    /// Whether writing `path` would write over what Blether keeps in its data directory — the
    /// database (and its journal files), the lock, or the keys — as named, or where a symbolic
    /// link leads. A copy is never written there: the sealed records would be lost.
    public static func isBletherOwn(_ path: String, dataDirectory: URL) -> Bool {
        func components(_ url: URL) -> [String] { url.standardizedFileURL.resolvingSymlinksInPath().pathComponents }
        let home = components(dataDirectory)
        let target = URL(fileURLWithPath: path)
        // The file may not exist yet: its folder is resolved and its name added; an existing link is followed.
        for place in [components(target.deletingLastPathComponent()) + [target.lastPathComponent], components(target)] {
            if place == home { return true }
            guard place.count > home.count, Array(place.prefix(home.count)) == home else { continue }
            let inside = place.dropFirst(home.count)
            if inside.first == "keys" { return true }
            if inside.count == 1, let name = inside.first, name.hasPrefix(ConversationStore.fileName) || name == "blether.lock" { return true }
        }
        return false
    }

    public static func write(_ data: Data, to path: String) throws(Problem) {
        func failure() -> Problem { Problem(path: path, reason: String(cString: strerror(errno))) }
        // No O_TRUNC: an existing file keeps its contents until it is known to be private.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure() }
        if status.st_mode & S_IFMT == S_IFREG {
            guard fchmod(descriptor, mode) == 0, ftruncate(descriptor, 0) == 0 else { throw failure() }
        }
        let failedWrite = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failedWrite { throw failure() }
        if status.st_mode & S_IFMT == S_IFREG, fsync(descriptor) != 0 { throw failure() }
    }
}
