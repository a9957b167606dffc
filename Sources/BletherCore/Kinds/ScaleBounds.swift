/// The ends of a `scale` question: from 1 to 5 unless the form says otherwise, and always
/// within 0 to 10, so every point is one number key and the row fits the narrowest screen.
///
/// ```swift
/// ScaleBounds.checked(from: nil, to: 10).bounds      // 1...10
/// ScaleBounds.checked(from: 5, to: 3).problems       // one problem, at `to:`
/// ```
package enum ScaleBounds {
    package static let defaultFrom = 1
    package static let defaultTo = 5
    /// The widest a scale may run.
    package static let limits = 0...10

    /// The bounds to use, and what is wrong with the ones written (then the default is used).
    package static func checked(from: Int?, to: Int?) -> (bounds: ClosedRange<Int>, problems: [KindSettings.Problem]) {
        let low = from ?? defaultFrom, high = to ?? defaultTo
        var problems: [KindSettings.Problem] = []
        if !limits.contains(low) {
            problems.append(.init(key: .from, "has a scale from \(low), outside \(limits.lowerBound) to \(limits.upperBound)",
                                  fix: "start the scale at \(limits.lowerBound) or more, such as from: 1"))
        }
        if !limits.contains(high) {
            problems.append(.init(key: .to, "has a scale to \(high), outside \(limits.lowerBound) to \(limits.upperBound)",
                                  fix: "end the scale at \(limits.upperBound) or less, such as to: 5"))
        }
        if problems.isEmpty && low >= high {
            problems.append(.init(key: to == nil ? .from : .to, "has a scale from \(low) to \(high), which needs at least two points",
                                  fix: "make to: larger than from:, such as from: 1 and to: 5"))
        }
        return (problems.isEmpty ? low...high : defaultFrom...defaultTo, problems)
    }
}
