import Foundation

/// How the person started Blether, so that a command Blether tells them to type works as it
/// is typed: `swift run blether` when the binary is one SwiftPM built in a checkout and it was
/// started from that checkout (as `swift run` starts it: by its path under `.build/`, from the
/// package's folder), the path they typed when they ran a binary by its path, else plain
/// `blether` (found on the PATH).
///
/// ```swift
/// let command = Invocation.current.command   // "swift run blether", or "blether"
/// ```
struct Invocation: Equatable {
    /// The words that start Blether again the same way, before a command's own words.
    let command: String

    /// - Parameters:
    ///   - typed: the program's name as it was started (`argv[0]`).
    ///   - executable: where the running binary really is (`/proc/self/exe`, links resolved).
    ///   - directory: the current directory.
    init(typed: String, executable: URL, directory: String) {
        let components = executable.standardizedFileURL.pathComponents
        if typed.contains("/"), let build = components.lastIndex(of: ".build") {
            let checkout = NSString.path(withComponents: Array(components[..<build]))
            if FileManager.default.fileExists(atPath: checkout + "/Package.swift"),
               URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path == URL(fileURLWithPath: checkout).resolvingSymlinksInPath().path {
                command = components[build...].contains("release") ? "swift run -c release blether" : "swift run blether"
                return
            }
        }
        command = typed.contains("/") ? typed : "blether"
    }

    /// How this process was started.
    static var current: Invocation {
        let typed = CommandLine.arguments.first ?? "blether"
        let running = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : typed
        return Invocation(typed: typed, executable: URL(fileURLWithPath: running).resolvingSymlinksInPath(),
                          directory: FileManager.default.currentDirectoryPath)
    }
}
