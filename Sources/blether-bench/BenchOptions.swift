import Foundation

/// The benchmark's command line:
///
///     blether-bench [--sizes 100,1000,10000] [--samples 7] [--autosaves 1000] [--dir PATH] [--smoke] [--keep] [--only first-frame,unlock,verify,autosave,find,forms,memory]
///
/// `--smoke` is CI's run: one small size, two samples, so it shows every figure still runs.
/// `--keep` leaves the data directories (and their passphrase files) for a closer look.
struct BenchOptions {
    var sizes = [100, 1_000, 10_000]
    var samples = 7
    var autosaves = 1_000
    var directory = FileManager.default.temporaryDirectory
    var keep = false
    /// The figures to take (all when empty).
    var only: Set<BenchFigure> = []

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
            case "--only":
                let text = try value(argument)
                let figures = text.split(separator: ",").map { BenchFigure(rawValue: String($0)) }
                guard !figures.isEmpty, !figures.contains(nil) else {
                    throw BenchFailure("--only takes figures from \(BenchFigure.allCases.map(\.rawValue).joined(separator: ",")), not “\(text)”")
                }
                only = Set(figures.compactMap { $0 })
            case "--keep":
                keep = true
            case "--smoke":
                sizes = [20]; samples = 2; autosaves = 50
            default:
                throw BenchFailure("unknown argument “\(argument)”; usage: blether-bench [--sizes 100,1000,10000] [--samples 7] [--autosaves 1000] [--dir PATH] [--smoke] [--keep] [--only FIGURES]")
            }
        }
    }
}

/// The figures the benchmark takes, by the names `--only` uses.
enum BenchFigure: String, CaseIterable {
    case firstFrame = "first-frame", unlock, verify, autosave, find, forms, memory

    /// Whether `options` asks for this figure.
    func isWanted(by options: BenchOptions) -> Bool { options.only.isEmpty || options.only.contains(self) }
}
