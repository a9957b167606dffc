import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drops files from the kernel's page cache, so the next process reads them from the disk as
/// after a reboot: the program, the shared libraries it loads, and the files it reads.
/// Pages still mapped by a running process (the C library, for one) stay.
///
/// ```swift
/// ColdCache.evict(ColdCache.programFiles("/usr/bin/dialog") + [formsDirectory.path])
/// ```
enum ColdCache {
    /// Evicts every file at or under each path.
    static func evict(_ paths: [String]) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let children = (FileManager.default.subpaths(atPath: path) ?? []).map { path + "/" + $0 }
                children.forEach(evictFile)
            } else {
                evictFile(path)
            }
        }
    }

    private static func evictFile(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = fdatasync(descriptor)
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
    }

    /// The program and the shared libraries it loads, as `ldd` lists them.
    static func programFiles(_ program: String) -> [String] {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [program]
        let pipe = Pipe()
        ldd.standardOutput = pipe
        ldd.standardError = FileHandle.nullDevice
        guard (try? ldd.run()) != nil else { return [program] }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        let libraries = text.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            if let arrow = words.firstIndex(of: "=>"), arrow + 1 < words.count, words[arrow + 1].hasPrefix("/") { return String(words[arrow + 1]) }
            return words.first.flatMap { $0.hasPrefix("/") ? String($0) : nil }
        }
        return [program] + libraries
    }
}
