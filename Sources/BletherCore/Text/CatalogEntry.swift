/// One entry of a language catalog: a text, or a text for each plural category.
public enum CatalogEntry: Sendable, Equatable {
    case text(String)
    case plural([PluralCategory: String])

    /// The `{name}` parameters the entry uses, across all its forms.
    public var parameterNames: Set<String> {
        switch self {
        case .text(let text): CatalogEntry.parameterNames(in: text)
        case .plural(let forms): forms.values.reduce(into: Set()) { $0.formUnion(CatalogEntry.parameterNames(in: $1)) }
        }
    }

    static func parameterNames(in text: String) -> Set<String> {
        var names = Set<String>()
        var current: String?
        for character in text {
            if character == "{" { current = "" }
            else if character == "}" { if let name = current, !name.isEmpty { names.insert(name) }; current = nil }
            else if current != nil { current!.append(character) }
        }
        return names
    }
}
