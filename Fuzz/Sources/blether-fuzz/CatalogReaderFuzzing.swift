import BletherCore
import BletherForms
import Foundation

/// A catalog file read as `blether forms check` reads it; a catalog that loads then gives
/// every one of its texts, with and without a count, with every placeholder filled.
enum CatalogReaderFuzzing {
    static func run(_ data: Data, scratch: FuzzScratch) {
        let url = scratch.write(data, as: "locales/en-GB.yaml")
        let library = FormLibrary.load(formFiles: [], catalogFiles: [url], isPartial: true)
        FormReaderFuzzing.checkProblems(library.problems, data: data)
        guard let catalog = library.catalog(language: "en-GB") else { return }
        let arguments = ["name": "Morag", "count": "3", "index": "1", "total": "2", "language": "gd"]
        for key in catalog.entries.keys {
            _ = catalog.text(key, arguments)
            for count in [0, 1, 2, 3, 11, 20, 101, -1, Int.max] {
                _ = catalog.text(key, count: count, arguments)
            }
        }
        for language in ["gd", "pl", "zh-Hans", "ur", "en-GB"] {
            for count in [0, 1, 2, 5, 12, 22, 112, -3] { _ = PluralCategory.of(count, language: language) }
        }
    }
}
