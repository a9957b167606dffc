import BletherRecords
import BletherStore
import Foundation
import Glibc
import Testing

/// A copy written with `-o` replaces the file there only once it is whole on the disk, and never
/// reaches Blether's own files under another name.
@Suite final class PrivateFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-private-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Files in `folder` other than `kept`: what a failed write might have left behind.
    func leftovers(in folder: URL, besides kept: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !kept.contains($0) }
    }

    /// `ln keys/signing-key.json hl_key; blether export … -o hl_key` wrote the copy into the key.
    @Test func aHardLinkToAKeyIsBletherOwnAndTheKeyIsNeverWrittenThrough() throws {
        let home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("keys"), withIntermediateDirectories: true)
        let key = home.appendingPathComponent("keys/signing-key.json")
        let database = home.appendingPathComponent("blether.sqlite-wal")
        try Data("{\"kind\":\"blether-signing-key-v1\"}".utf8).write(to: key)
        try Data("wal".utf8).write(to: database)
        let linkToKey = directory.appendingPathComponent("hl_key")
        let linkToDatabase = directory.appendingPathComponent("innocent.txt")
        try FileManager.default.linkItem(at: key, to: linkToKey)
        try FileManager.default.linkItem(at: database, to: linkToDatabase)
        #expect(PrivateFile.isBletherOwn(linkToKey.path, dataDirectory: home))
        #expect(PrivateFile.isBletherOwn(linkToDatabase.path, dataDirectory: home))
        // A symbolic link to the hard link is the same file too.
        let symbolic = directory.appendingPathComponent("symbolic.txt")
        try FileManager.default.createSymbolicLink(at: symbolic, withDestinationURL: linkToKey)
        #expect(PrivateFile.isBletherOwn(symbolic.path, dataDirectory: home))
        // An ordinary file beside them, or one not yet made, is not.
        try Data("old copy".utf8).write(to: directory.appendingPathComponent("old.txt"))
        #expect(!PrivateFile.isBletherOwn(directory.appendingPathComponent("old.txt").path, dataDirectory: home))
        #expect(!PrivateFile.isBletherOwn(directory.appendingPathComponent("new.txt").path, dataDirectory: home))
        // Even if a caller skipped the check, the key's own bytes are never changed: the name is replaced.
        try PrivateFile.write(Data("Morag's copy".utf8), to: linkToKey.path)
        #expect(try String(contentsOf: key, encoding: .utf8) == "{\"kind\":\"blether-signing-key-v1\"}")
        #expect(try String(contentsOf: linkToKey, encoding: .utf8) == "Morag's copy")
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() throws {
        let real = directory.appendingPathComponent("real.txt")
        try Data("old".utf8).write(to: real)
        let link = directory.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try PrivateFile.write(Data("new copy".utf8), to: link.path)
        #expect(try String(contentsOf: real, encoding: .utf8) == "new copy")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try leftovers(in: directory, besides: ["real.txt", "link.txt"]).isEmpty)
    }

    /// `ln -s ~/.bashrc /tmp/morag-copy.txt; blether export … -o /tmp/morag-copy.txt` overwrote
    /// `.bashrc`: with links replaced, the link becomes the copy and what it named keeps its bytes.
    @Test func aLinkToBeReplacedBecomesTheFileAndItsTargetKeepsItsBytes() throws {
        let target = directory.appendingPathComponent("bashrc")
        try Data("export PATH=$HOME/bin:$PATH\n".utf8).write(to: target)
        for (name, leadsTo) in [("planted.txt", target.path), ("dangling.txt", directory.path + "/nowhere"), ("device.txt", "/dev/null")] {
            let link = directory.appendingPathComponent(name)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: leadsTo)
            // Whatever an earlier call left in errno (a folder export's second file: 0) changes nothing.
            errno = 0
            try PrivateFile.write(Data("Morag's copy".utf8), to: link.path, links: .replaced)
            var status = stat()
            #expect(lstat(link.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_mode & 0o777 == 0o600, "\(name)")
            #expect(try String(contentsOf: link, encoding: .utf8) == "Morag's copy")
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "export PATH=$HOME/bin:$PATH\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/nowhere"))
        #expect(try leftovers(in: directory, besides: ["bashrc", "planted.txt", "dangling.txt", "device.txt"]).isEmpty)
    }

    /// A device (`/dev/stdout`, here `/dev/null`) is written as it is, never replaced by a file.
    @Test func aDeviceIsWrittenDirectly() throws {
        try PrivateFile.write(Data("Morag's copy".utf8), to: "/dev/null")
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aDirectoryIsRefusedUntouched() throws {
        let folder = directory.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let refused = #expect(throws: PrivateFile.Problem.self) { try PrivateFile.write(Data("x".utf8), to: folder.path) }
        #expect(refused?.reason == String(cString: strerror(EISDIR)))
        #expect(try leftovers(in: directory, besides: ["folder"]).isEmpty)
    }

    /// A full disk: the copy that was there stays whole, and no partial copy is left beside it.
    /// A small tmpfs fills up for real; mounting one needs root, so the test runs only as root.
    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskLeavesTheOldCopyWhole() throws {
        let small = directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "mount -t tmpfs failed")
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [small.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let old = small.appendingPathComponent("morag-copy.txt")
        let oldCopy = Data(repeating: UInt8(ascii: "o"), count: 8192)
        try oldCopy.write(to: old)
        let tooLarge = Data(repeating: UInt8(ascii: "n"), count: 256 * 1024)
        let full = #expect(throws: PrivateFile.Problem.self) { try PrivateFile.write(tooLarge, to: old.path) }
        #expect(full?.path == old.path)
        #expect(full?.reason == String(cString: strerror(ENOSPC)))
        #expect(try Data(contentsOf: old) == oldCopy, "the old copy is left as it was")
        // A new target is not left behind as an empty or partial file.
        let fresh = small.appendingPathComponent("new-copy.txt")
        #expect(throws: PrivateFile.Problem.self) { try PrivateFile.write(tooLarge, to: fresh.path) }
        #expect(!FileManager.default.fileExists(atPath: fresh.path))
        #expect(try leftovers(in: small, besides: ["morag-copy.txt"]).isEmpty)
    }

    /// Without root: a folder where no new file can be made fails before the old copy is touched.
    @Test(.enabled(if: getuid() != 0, "root may write into any folder"))
    func aFolderThatCannotTakeTheNewFileLeavesTheOldCopyWhole() throws {
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        let old = locked.appendingPathComponent("morag-copy.txt")
        try Data("old copy".utf8).write(to: old)
        chmod(locked.path, 0o500)
        defer { chmod(locked.path, 0o700) }
        #expect(throws: PrivateFile.Problem.self) { try PrivateFile.write(Data("new".utf8), to: old.path) }
        #expect(try String(contentsOf: old, encoding: .utf8) == "old copy")
    }
}
