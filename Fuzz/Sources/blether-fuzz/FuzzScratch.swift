import Foundation

/// A private directory where each input is written as the file a loader reads, so the
/// loaders run exactly as `blether` runs them: `$BLETHER_FUZZ_SCRATCH` (scripts/fuzz makes
/// and removes it), else one under /dev/shm, in memory, removed at exit.
///
/// ```swift
/// let url = scratch.write(data, as: "forms/fuzz.yaml")
/// ```
struct FuzzScratch: Sendable {
    let root: URL

    init() {
        if let given = ProcessInfo.processInfo.environment["BLETHER_FUZZ_SCRATCH"], !given.isEmpty {
            root = URL(fileURLWithPath: given, isDirectory: true)
        } else {
            let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
            root = base.appendingPathComponent("blether-fuzz-\(getpid())", isDirectory: true)
            atexit { try? FileManager.default.removeItem(at: FuzzRun.shared.scratch.root) }
        }
        for directory in ["forms/costing", "locales", "keys", "home/keys"] {
            try! FileManager.default.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
    }

    /// Writes `data` to `relativePath` under the scratch directory and returns its URL.
    func write(_ data: Data, as relativePath: String) -> URL {
        let url = root.appendingPathComponent(relativePath)
        try! data.write(to: url)
        return url
    }

    func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
