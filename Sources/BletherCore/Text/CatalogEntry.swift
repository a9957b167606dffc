/// One entry of a language catalog: a text, or a text for each plural category.
package enum CatalogEntry: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])

    /// The `{name}` parameters the entry uses, across all its forms.
    package var parameterNames: Set<String> {
        switch self {
        case .text(let text): CatalogEntry.parameterNames(in: text)
        case .plural(let forms): forms.values.reduce(into: Set()) { $0.formUnion(CatalogEntry.parameterNames(in: $1)) }
        }
    }

    static func parameterNames(in text: String) -> Set<String> {
        // Braces are ASCII, so names are found in the UTF-8 bytes without walking characters.
        var names = Set<String>()
        let utf8 = text.utf8
        var start: String.UTF8View.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: "{"): start = utf8.index(after: index)
            case UInt8(ascii: "}"):
                if let from = start, from < index { names.insert(String(text[from..<index])) }
                start = nil
            default: break
            }
            index = utf8.index(after: index)
        }
        return names
    }
}
