import Foundation

/// The benchmark's command line:
///
///     blether-bench [--sizes 100,1000,10000] [--samples 7] [--autosaves 1000] [--dir PATH] [--smoke]
///
/// `--smoke` is CI's run: one small size, two samples, so it shows every figure still runs.
struct BenchOptions {
    var sizes = [100, 1_000, 10_000]
    var samples = 7
    var autosaves = 1_000
    var directory = FileManager.default.temporaryDirectory

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let given = rest.popFirst() else { throw BenchFailure("\(name) needs a value (see the top of Sources/blether-bench/BenchOptions.swift)") }
            return given
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--sizes":
                let text = try value(argument)
                let sizes = text.split(separator: ",").compactMap { Int($0) }
                guard !sizes.isEmpty, sizes.count == text.split(separator: ",").count, sizes.allSatisfy({ $0 >= 1 }) else {
                    throw BenchFailure("--sizes takes counts of conversations, such as 100,1000,10000, not “\(text)”")
                }
                self.sizes = sizes
            case "--samples":
                guard let count = Int(try value(argument)), count >= 1 else { throw BenchFailure("--samples takes a whole number of at least 1") }
                samples = count
            case "--autosaves":
                guard let count = Int(try value(argument)), count >= 1 else { throw BenchFailure("--autosaves takes a whole number of at least 1") }
                autosaves = count
            case "--dir":
                directory = URL(fileURLWithPath: try value(argument), isDirectory: true)
            case "--smoke":
                sizes = [20]; samples = 2; autosaves = 50
            default:
                throw BenchFailure("unknown argument “\(argument)”; usage: blether-bench [--sizes 100,1000,10000] [--samples 7] [--autosaves 1000] [--dir PATH] [--smoke]")
            }
        }
    }
}
