import Foundation

/// Measured durations in milliseconds, with the figures a reader compares: the median and
/// the 99th percentile.
///
/// ```swift
/// var samples = Samples()
/// samples.add(clock.measure { work() })
/// print(samples.median, samples.p99)
/// ```
struct Samples {
    private(set) var values: [Double] = []

    mutating func add(_ duration: Duration) { values.append(duration.milliseconds) }
    mutating func add(milliseconds: Double) { values.append(milliseconds) }

    var count: Int { values.count }
    var median: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }

    /// The value at `fraction` (0…1) of the sorted samples.
    func percentile(_ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

/// A number of milliseconds as the report writes it.
func ms(_ value: Double) -> String {
    value >= 100 ? String(format: "%.0f ms", value) : value >= 10 ? String(format: "%.1f ms", value) : String(format: "%.2f ms", value)
}
