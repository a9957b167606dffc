import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file that holds personal data or keys — a person's copy of their record, a
/// signing key — readable and writable only by its owner (mode 0600), from its first byte. The copy goes to a new file
/// beside the target (created 0600, never one that exists), is flushed to the disk, and only
/// then takes the target's name: a full disk or any other failure leaves the file that was
/// there untouched, and no partial copy behind. Another user's file is refused, untouched.
/// A symbolic link is followed to the file it names, or, with `links: .replaced` (a copy to a
/// path someone else may have planted a link at), replaced by the file itself, never followed.
/// Devices and pipes (`/dev/stdout`) are written as they are.
///
/// ```swift
/// try PrivateFile.write(Data(copy.text.utf8), to: "morag-copy.txt")
/// ```
package enum PrivateFile {
    /// Why a file could not be written: its path and the system's error number (`errno`),
    /// which ``FileProblem`` turns into words.
    package struct Problem: Error, Equatable, CustomStringConvertible {
        package let path: String
        package let code: Int32
        package var reason: String { String(cString: strerror(code)) }
        package var description: String { "\(path): \(reason)" }
    }

    package static let mode: mode_t = 0o600

    /// What ``write(_:to:links:)`` does with a symbolic link at the path it is given.
    package enum Links: Sendable {
        /// The file the link names is replaced; the link stays (a key file kept elsewhere).
        case followed
        /// The link itself is replaced by the new file; what it named is never touched (a copy
        /// to a path in a shared folder, where anybody may have left a link to `~/.bashrc`).
        case replaced
    }

    package static func write(_ data: Data, to path: String, links: Links = .followed) throws(Problem) {
        func failure(_ code: Int32 = errno) -> Problem { Problem(path: path, code: code) }
        var status = stat()
        var linkStatus = stat()
        let isLink = lstat(path, &linkStatus) == 0 && linkStatus.st_mode & S_IFMT == S_IFLNK
        // A link to be replaced is written beside, under its own name (rename replaces the link
        // itself): what it leads to is never looked at.
        if !(links == .replaced && isLink) {
            if stat(path, &status) == 0 {
                switch status.st_mode & S_IFMT {
                case S_IFREG:
                    // Another user's file is not ours to replace (root may, as chmod would let it).
                    guard status.st_uid == geteuid() || geteuid() == 0 else { throw failure(EPERM) }
                case S_IFDIR:
                    throw failure(EISDIR)
                default:
                    return try writeDirectly(data, to: path)
                }
            } else if errno != ENOENT {
                throw failure()
            }
        }
        // A symbolic link is replaced where it leads, never turned into a file itself.
        var place = path
        if isLink && links == .followed {
            guard let resolved = realpath(path, nil) else { throw failure() }
            place = String(cString: resolved)
            free(resolved)
        }
        let target = URL(fileURLWithPath: place)
        let folder = target.deletingLastPathComponent().path
        // A short name of its own, so that a target's name of any length still fits beside it.
        let temporary = folder + "/.blether-new-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let code = errno
            // A folder that is there but takes no new file (`/proc`) says ENOENT: it is not missing,
            // it cannot be written in.
            var folderStatus = stat()
            if code == ENOENT, stat(folder, &folderStatus) == 0, folderStatus.st_mode & S_IFMT == S_IFDIR { throw failure(EACCES) }
            throw failure(code)
        }
        var closed = false
        do throws(Problem) {
            guard fchmod(descriptor, mode) == 0 else { throw failure() }
            guard writeAll(data, to: descriptor), fsync(descriptor) == 0 else { throw failure() }
            closed = true
            guard close(descriptor) == 0 else { throw failure() }
            guard rename(temporary, place) == 0 else { throw failure() }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
        // The new name itself reaches the disk too (best effort: some file systems refuse).
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Whether a copy written to `path` is a file that can be handed to someone: nothing is
    /// there yet, or an ordinary file (a link followed) — not a device (`/dev/null`), a pipe or
    /// a socket, which ``write(_:to:)`` writes straight into and nothing keeps. A folder is
    /// left for writing to refuse, in its own words.
    ///
    /// ```swift
    /// PrivateFile.canHoldCopy("/dev/null")        // false
    /// PrivateFile.canHoldCopy("morag-copy.txt")   // true
    /// ```
    /// - Parameter links: as ``write(_:to:links:)`` will treat a link there: one to be replaced
    ///   can hold the copy, whatever it leads to.
    package static func canHoldCopy(_ path: String, links: Links = .followed) -> Bool {
        var status = stat()
        if links == .replaced, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK { return true }
        guard stat(path, &status) == 0 else { return errno == ENOENT }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return true
        default: return false
        }
    }

    /// A device or pipe (`/dev/stdout`): written as it is, with nothing to replace.
    private static func writeDirectly(_ data: Data, to path: String) throws(Problem) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0, writeAll(data, to: descriptor) else {
            let problem = Problem(path: path, code: errno)
            if descriptor >= 0 { close(descriptor) }
            throw problem
        }
        close(descriptor)
    }

    /// Writes every byte of `data`, again after an interruption; false with `errno` set on failure.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
