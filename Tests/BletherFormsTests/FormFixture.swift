import BletherForms
import Foundation

/// A scratch folder with `forms/` and `locales/`, starting as a copy of the shipped ones.
final class FormFixture {
    let root: URL
    var forms: URL { root.appendingPathComponent("forms") }
    var locales: URL { root.appendingPathComponent("locales") }

    static let shipped = ContentLocation.shipped(executable: URL(fileURLWithPath: #filePath))

    init(copyShipped: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("blether-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if copyShipped {
            try FileManager.default.copyItem(at: FormFixture.shipped.formsDirectory, to: forms)
            try FileManager.default.copyItem(at: FormFixture.shipped.localesDirectory, to: locales)
        } else {
            try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: locales, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ text: String, to relativePath: String) throws {
        try text.write(to: root.appendingPathComponent(relativePath), atomically: true, encoding: .utf8)
    }

    /// Replaces the first occurrence of `old` in a file; fails loudly if it is not there.
    func edit(_ relativePath: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: old) else { throw FixtureError.notFound(old, relativePath) }
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// The line number (1-based) of the first line containing `text`.
    func line(of text: String, in relativePath: String) throws -> Int {
        let lines = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(text) }) else { throw FixtureError.notFound(text, relativePath) }
        return index + 1
    }

    func check() -> FormLibrary {
        FormLibrary.load(from: ContentLocation(formsDirectory: forms, localesDirectory: locales))
    }

    enum FixtureError: Error { case notFound(String, String) }
}
