import BletherRecords
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PrivateFile {
    /// One of the files Blether keeps in its data directory, as a refusal names it.
    package enum OwnFile: Sendable, Equatable {
        /// The data directory itself.
        case dataDirectory
        /// The database of sealed records.
        case database
        /// One of the database's journal files (`blether.sqlite-wal`, `-shm`, `-journal`).
        case journal
        /// The lock that keeps two Blethers from writing at once.
        case lock
        /// The folder of signing keys, or anything in it.
        case keys
    }

    /// Whether writing `path` would write over what Blether keeps in its data directory — the
    /// database (and its journal files), the lock, or the keys — as named, where a symbolic
    /// link leads, or as the same file under another name (a hard link). A copy is never
    /// written there: the sealed records would be lost.
    package static func isBletherOwn(_ path: String, dataDirectory: URL) -> Bool {
        ownFile(path, dataDirectory: dataDirectory) != nil
    }

    /// Which of Blether's own files writing `path` would write over (``isBletherOwn(_:dataDirectory:)``),
    /// with the path it has in the data directory; nil when none.
    ///
    /// ```swift
    /// PrivateFile.ownFile(home.path + "/keys/../blether.sqlite", dataDirectory: home)   // (.database, ".../blether.sqlite")
    /// ```
    package static func ownFile(_ path: String, dataDirectory: URL) -> (kind: OwnFile, path: String)? {
        func components(_ url: URL) -> [String] { url.standardizedFileURL.resolvingSymlinksInPath().pathComponents }
        let home = components(dataDirectory)
        let target = URL(fileURLWithPath: path)
        // The file may not exist yet: its folder is resolved and its name added; an existing link is followed.
        for place in [components(target.deletingLastPathComponent()) + [target.lastPathComponent], components(target)] {
            if place == home { return (.dataDirectory, dataDirectory.path) }
            guard place.count > home.count, Array(place.prefix(home.count)) == home else { continue }
            let inside = place.dropFirst(home.count)
            if inside.first == "keys" { return (.keys, dataDirectory.appendingPathComponent("keys").path) }
            if inside.count == 1, let name = inside.first {
                if name == ConversationStore.fileName { return (.database, dataDirectory.appendingPathComponent(name).path) }
                if name.hasPrefix(ConversationStore.fileName) { return (.journal, dataDirectory.appendingPathComponent(name).path) }
                if name == "blether.lock" { return (.lock, dataDirectory.appendingPathComponent(name).path) }
            }
        }
        // Whatever its name: the same file (device and inode) as one of Blether's own.
        guard let written = identity(of: path) else { return nil }
        guard let same = ownFiles(in: dataDirectory).first(where: { identity(of: $0) == written }) else { return nil }
        return ownFile(same, dataDirectory: dataDirectory) ?? (.dataDirectory, dataDirectory.path)
    }

    /// Whether the folder `path` is Blether's data directory or inside it — as named, or where a
    /// symbolic link on the way leads. A copy's folder is never made there: copies in clear
    /// text would sit beside the sealed records, and a file of the same name as the database
    /// or a key could be written over.
    ///
    /// ```swift
    /// PrivateFile.isInsideDataDirectory("/home/ailsa/.local/share/blether/copies", dataDirectory: home)   // true
    /// ```
    package static func isInsideDataDirectory(_ path: String, dataDirectory: URL) -> Bool {
        func components(_ url: URL) -> [String] { url.standardizedFileURL.resolvingSymlinksInPath().pathComponents }
        let home = components(dataDirectory)
        let folder = URL(fileURLWithPath: path)
        // The folder may not exist yet: its parent is resolved and its name added; an existing one is resolved whole.
        for place in [components(folder.deletingLastPathComponent()) + [folder.lastPathComponent], components(folder)] {
            if place.count >= home.count, Array(place.prefix(home.count)) == home { return true }
        }
        var folderStatus = stat()
        var homeStatus = stat()
        // The same folder under another name (a bind mount): the same device and inode.
        return stat(path, &folderStatus) == 0 && stat(dataDirectory.path, &homeStatus) == 0
            && folderStatus.st_dev == homeStatus.st_dev && folderStatus.st_ino == homeStatus.st_ino
    }

    /// Every file Blether keeps in `dataDirectory`: the directory, the database and its
    /// journal files, the lock, and the keys folder with everything under it.
    static func ownFiles(in dataDirectory: URL) -> [String] {
        var paths = [dataDirectory.path]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.path)) ?? []
        for name in names where name.hasPrefix(ConversationStore.fileName) || name == "blether.lock" {
            paths.append(dataDirectory.appendingPathComponent(name).path)
        }
        let keys = dataDirectory.appendingPathComponent("keys")
        paths.append(keys.path)
        if let inside = FileManager.default.enumerator(atPath: keys.path) {
            for case let name as String in inside { paths.append(keys.appendingPathComponent(name).path) }
        }
        return paths
    }

    /// The device and inode of the file at `path` (a link followed), or nil when there is none.
    private static func identity(of path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}
