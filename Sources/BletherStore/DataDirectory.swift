import Foundation

/// Where Blether keeps its data: `$BLETHER_HOME`, else `$XDG_DATA_HOME/blether`, else
/// `~/.local/share/blether`.
///
/// ```swift
/// let directory = DataDirectory.resolve(environment: ProcessInfo.processInfo.environment)
/// ```
package enum DataDirectory {
    package static func resolve(environment: [String: String]) -> URL {
        if let home = environment["BLETHER_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
        }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("blether", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/blether", isDirectory: true)
    }
}
