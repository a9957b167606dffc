import Foundation

/// One loader under fuzzing. Each reads the input as a hostile file would be read, and
/// stops the process (which libFuzzer reports as a crash, keeping the input) when a
/// promise about the result is broken, not only when the loader itself crashes.
///
/// ```swift
/// FuzzTarget.canonical.run(Data("{\"a\":1}".utf8), scratch: FuzzScratch())
/// ```
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `forms/*.yaml` through `FormLibrary.load`.
    case form
    /// `locales/<tag>.yaml` through `FormLibrary.load`, then every text of the catalog.
    case catalog
    /// `forms/costing/*.yaml` through `FormLibrary.load`, beside a small form.
    case costing
    /// A `relevant` or `constraint` expression: parsed, then walked and evaluated.
    case condition
    /// The canonical JSON reader and checker, against each other and against Foundation.
    case canonical
    /// A stored DSSE envelope.
    case envelope
    /// A record bundle (`blether export --format bundle`), verified as `blether verify FILE` does.
    case bundle
    /// The sealed signing-key file and a public-key file to trust.
    case keyfile

    func run(_ data: Data, scratch: FuzzScratch) {
        switch self {
        case .form: FormReaderFuzzing.run(data, scratch: scratch)
        case .catalog: CatalogReaderFuzzing.run(data, scratch: scratch)
        case .costing: CostingRulesReaderFuzzing.run(data, scratch: scratch)
        case .condition: ConditionParserFuzzing.run(data)
        case .canonical: CanonicalJSONFuzzing.run(data)
        case .envelope: EnvelopeFuzzing.run(data)
        case .bundle: RecordBundleFuzzing.run(data)
        case .keyfile: KeyFileFuzzing.run(data, scratch: scratch)
        }
    }
}

/// Stops the run with a message libFuzzer shows beside the input that broke the promise.
func fuzzPromise(_ holds: @autoclosure () -> Bool, _ promise: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !holds() {
        fatalError("broken promise: \(promise())", file: file, line: line)
    }
}
