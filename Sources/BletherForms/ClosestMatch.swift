/// Suggestions for misspelt names in form and catalog files.
enum ClosestMatch {
    /// The candidate nearest to `word` by edit distance, if it is close enough to be a likely typo.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// "use one of: a, b, c" with a "did you mean" first when one is close.
    static func fix(for word: String, among candidates: [String], noun: String) -> String {
        let list = "use one of: " + candidates.joined(separator: ", ")
        if let near = suggestion(for: word, among: candidates) {
            return "did you mean '\(near)'? Otherwise \(list)"
        }
        return candidates.isEmpty ? "remove it" : "\(list) (\(noun))"
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
