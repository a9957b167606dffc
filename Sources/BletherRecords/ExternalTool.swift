import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program from the machine's packages that makes one format of a copy — headless Chromium
/// for the PDF, liblouis's `lou_translate` for braille, espeak-ng for speech — found on the
/// `PATH`, run with its input and output in a private work folder (mode 0700, removed after),
/// so nothing personal passes through a world-readable file or is left behind.
///
/// ```swift
/// let louis = ExternalTool.louTranslate
/// let braille = try louis.run(["--forward", "en-us-brf.dis,en-ueb-g2.ctb"], input: Data("Morag".utf8))
/// ```
package struct ExternalTool: Sendable {
    /// The program's name, as typed at a shell.
    package let name: String
    /// Other names the same program goes by on some systems (`chromium-browser`).
    package let otherNames: [String]
    /// The Debian package that installs it, named when it is missing.
    package let package: String
    /// How long one run may take before it is stopped.
    package let timeLimit: TimeInterval

    package init(name: String, otherNames: [String] = [], package: String, timeLimit: TimeInterval = 120) {
        self.name = name
        self.otherNames = otherNames
        self.package = package
        self.timeLimit = timeLimit
    }

    package static let chromium = ExternalTool(name: "chromium", otherNames: ["chromium-browser"], package: "chromium")
    package static let louTranslate = ExternalTool(name: "lou_translate", package: "liblouis-bin")
    package static let espeakNG = ExternalTool(name: "espeak-ng", package: "espeak-ng")

    /// Why a tool gave no result: not installed (with the package that installs it), or it ran
    /// and failed (its exit status and the last of what it said).
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case missing(tool: String, package: String)
        case failed(tool: String, status: Int32, said: String)
        case tooSlow(tool: String, seconds: Int)

        package var description: String {
            switch self {
            case .missing(let tool, let package): "\(tool) is not installed (Debian package \(package))"
            case .failed(let tool, let status, let said): "\(tool) failed with status \(status): \(said)"
            case .tooSlow(let tool, let seconds): "\(tool) did not finish within \(seconds) seconds"
            }
        }
    }

    /// The program's full path, or nil when it is not on the `PATH`.
    package func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for candidate in [name] + otherNames {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + candidate
                if access(path, X_OK) == 0 { return path }
            }
        }
        return nil
    }

    /// Runs the tool with `arguments` and `input` on its standard input in `folder` (its
    /// working directory, where it may write), and gives back its standard output.
    package func run(_ arguments: [String], input: Data = Data(), in folder: WorkFolder) throws(Problem) -> Data {
        guard let path = location() else { throw .missing(tool: name, package: package) }
        let inputFile = folder.url.appendingPathComponent("tool-input")
        let outputFile = folder.url.appendingPathComponent("tool-output")
        let errorFile = folder.url.appendingPathComponent("tool-errors")
        let process = Process()
        do {
            try folder.write(input, named: "tool-input")
            try folder.write(Data(), named: "tool-output")
            try folder.write(Data(), named: "tool-errors")
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.currentDirectoryURL = folder.url
            var environment = ProcessInfo.processInfo.environment
            // Chromium and espeak-ng keep caches and settings under HOME: keep them in the work folder.
            environment["HOME"] = folder.url.path
            process.environment = environment
            process.standardInput = try FileHandle(forReadingFrom: inputFile)
            process.standardOutput = try FileHandle(forWritingTo: outputFile)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            let finished = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in finished.signal() }
            try process.run()
            if finished.wait(timeout: .now() + timeLimit) == .timedOut {
                process.terminate()
                finished.wait()
                throw Problem.tooSlow(tool: name, seconds: Int(timeLimit))
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .failed(tool: name, status: -1, said: "\(error)")
        }
        let said = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .failed(tool: name, status: process.terminationStatus, said: String(said.suffix(400)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (try? Data(contentsOf: outputFile)) ?? Data()
    }
}

/// A folder of its own for one copy's work, readable only by its owner (mode 0700), removed
/// with everything in it when ``remove()`` is called.
///
/// ```swift
/// let folder = try WorkFolder()
/// defer { folder.remove() }
/// ```
package struct WorkFolder: Sendable {
    package let url: URL

    package init() throws(ExternalTool.Problem) {
        var template = Array((NSTemporaryDirectory() + "/blether-copy-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .failed(tool: "mkdtemp", status: errno, said: String(cString: strerror(errno)))
        }
        url = URL(fileURLWithPath: String(cString: made))
    }

    /// Writes `data` as a file in the folder, readable only by its owner.
    package func write(_ data: Data, named name: String) throws(ExternalTool.Problem) {
        do {
            try PrivateFile.write(data, to: url.appendingPathComponent(name).path)
        } catch {
            throw .failed(tool: "write", status: error.code, said: error.description)
        }
    }

    package func remove() { try? FileManager.default.removeItem(at: url) }
}
