import Foundation

/// Where the forms and catalogs come from: `$BLETHER_FORMS` (a forms directory, with
/// `locales/` beside it unless `$BLETHER_LOCALES` says otherwise), else the ones shipped
/// with Blether.
///
/// ```swift
/// let location = try ContentLocation.resolve(environment: ProcessInfo.processInfo.environment)
/// ```
package struct ContentLocation: Sendable, Equatable {
    package let formsDirectory: URL
    package let localesDirectory: URL

    package init(formsDirectory: URL, localesDirectory: URL) {
        self.formsDirectory = formsDirectory
        self.localesDirectory = localesDirectory
    }

    package static func resolve(environment: [String: String], executable: URL? = nil) -> ContentLocation {
        if let forms = environment["BLETHER_FORMS"], !forms.isEmpty {
            let formsURL = URL(fileURLWithPath: forms, isDirectory: true)
            let locales = environment["BLETHER_LOCALES"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
                ?? formsURL.deletingLastPathComponent().appendingPathComponent("locales", isDirectory: true)
            return ContentLocation(formsDirectory: formsURL, localesDirectory: locales)
        }
        return shipped(executable: executable)
    }

    /// The shipped content: beside an installed binary (`../share/blether`), in a
    /// directory above the binary (a build inside the source tree), else the source tree
    /// this module was compiled from.
    package static func shipped(executable: URL? = nil) -> ContentLocation {
        let fileManager = FileManager.default
        func contentRoot(_ directory: URL) -> ContentLocation? {
            let forms = directory.appendingPathComponent("forms", isDirectory: true)
            let locales = directory.appendingPathComponent("locales", isDirectory: true)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: forms.path, isDirectory: &isDirectory), isDirectory.boolValue,
                  fileManager.fileExists(atPath: locales.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return ContentLocation(formsDirectory: forms, localesDirectory: locales)
        }
        // The running binary itself, links resolved: found on the PATH, argv[0] is only its name.
        let binary = executable ?? URL(fileURLWithPath: fileManager.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments.first ?? ".")
            .resolvingSymlinksInPath()
        var directory = binary.deletingLastPathComponent()
        if let installed = contentRoot(directory.appendingPathComponent("../share/blether").standardizedFileURL) { return installed }
        for _ in 0..<6 {
            if let found = contentRoot(directory) { return found }
            directory = directory.deletingLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return contentRoot(sourceRoot) ?? ContentLocation(
            formsDirectory: sourceRoot.appendingPathComponent("forms"), localesDirectory: sourceRoot.appendingPathComponent("locales"))
    }
}
