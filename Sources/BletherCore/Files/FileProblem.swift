import Foundation

/// Why a file or folder could not be read or written, as something a person can put right:
/// the one place where the system's errors (Foundation's `NSCocoaErrorDomain` codes, POSIX
/// `errno`) become a kind of problem. ``Catalog/text(for:)`` says it in the user's language,
/// naming the path, what is wrong and how to fix it; no raw system error reaches the user.
///
/// ```swift
/// do { try data.write(to: url) } catch { throw FileProblem(path: url.path, action: .writing, error: error) }
/// ```
package struct FileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What Blether was doing with the file.
    package enum Action: Sendable, Equatable {
        case reading
        case writing
    }

    /// What is wrong, in terms of what can be done about it.
    package enum Kind: Sendable, Equatable {
        /// Nothing is there to read.
        case missing
        /// The folder it would be written into does not exist.
        case folderMissing
        /// Part of the path is a file where a folder should be.
        case notAFolder
        /// The system does not let this user read or write it.
        case noPermission
        /// It is on a disk (or mount) that can only be read.
        case readOnlyDisk
        /// The disk, or this user's share of it, is full.
        case diskFull
        /// A folder was named where a file was wanted.
        case isAFolder
        /// Anything else, with the system's short reason (`strerror`), never a Foundation dump.
        case other(reason: String)
    }

    package let path: String
    package let action: Action
    package let kind: Kind

    package init(path: String, action: Action, kind: Kind) {
        self.path = path
        self.action = action
        self.kind = kind
    }

    /// From a POSIX error number (`errno`).
    package init(path: String, action: Action, errno code: Int32) {
        self.init(path: path, action: action, kind: FileProblem.kind(errno: code, action: action))
    }

    /// From whatever Foundation threw: the POSIX error underneath when it names one, else the
    /// Cocoa code (on Linux, `Data(contentsOf:)` and `write(to:)` throw `NSCocoaErrorDomain` errors).
    package init(path: String, action: Action, error: any Error) {
        let error = error as NSError
        // On Linux the underlying error may be an NSError or a Swift error value: both are read as NSError.
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        if error.domain == NSPOSIXErrorDomain {
            self.init(path: path, action: action, errno: Int32(error.code))
        } else if let underlying, underlying.domain == NSPOSIXErrorDomain {
            self.init(path: path, action: action, errno: Int32(underlying.code))
        } else if error.domain == NSCocoaErrorDomain {
            self.init(path: path, action: action, kind: FileProblem.kind(cocoa: error.code, action: action))
        } else {
            self.init(path: path, action: action, kind: .other(reason: String(cString: strerror(EIO))))
        }
    }

    package var description: String { "\(path): \(kind)" }

    /// The folder the path is in, for sentences that say where to look.
    package var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func kind(errno code: Int32, action: Action) -> Kind {
        switch code {
        case ENOENT: action == .writing ? .folderMissing : .missing
        case ENOTDIR: .notAFolder
        case EACCES, EPERM: .noPermission
        case EROFS: .readOnlyDisk
        case ENOSPC, EDQUOT: .diskFull
        case EISDIR: .isAFolder
        default: .other(reason: String(cString: strerror(code)))
        }
    }

    private static func kind(cocoa code: Int, action: Action) -> Kind {
        switch code {
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: action == .writing ? .folderMissing : .missing
        case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: .noPermission
        case CocoaError.fileWriteVolumeReadOnly.rawValue: .readOnlyDisk
        case CocoaError.fileWriteOutOfSpace.rawValue: .diskFull
        case CocoaError.fileReadCorruptFile.rawValue, CocoaError.fileReadInapplicableStringEncoding.rawValue:
            .other(reason: String(cString: strerror(EILSEQ)))
        default: .other(reason: String(cString: strerror(EIO)))
        }
    }
}
