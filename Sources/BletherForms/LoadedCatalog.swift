import BletherCore

/// A catalog read from a file, with the line of every key for later messages.
package struct LoadedCatalog: Sendable {
    package let catalog: Catalog
    package let file: String
    let keyLines: [String: Int]
    /// The line of each mapping (such as `forms.adult-good-conversation.questions`), to place "missing key" messages.
    let mappingLines: [String: Int]
    /// The plural categories each plural entry declared, with their lines.
    let pluralLines: [String: Int]

    /// The nearest line to where `key` belongs: its own line, else its closest existing parent mapping.
    func line(for key: String) -> Int {
        if let line = keyLines[key] { return line }
        var parts = key.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            parts.removeLast()
            if let line = mappingLines[parts.joined(separator: ".")] { return line }
        }
        return 1
    }
}
