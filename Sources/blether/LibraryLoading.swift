import BletherCore
import BletherForms
import Foundation
import Synchronization

/// The forms, costing rules and catalogs, read on a thread of their own from the moment
/// Blether starts, so the first screen (the passphrase prompt) is drawn without waiting for
/// them; whoever needs them first waits only for what is left.
///
/// Only the language in use and the reference language are read (`blether forms check` reads
/// every catalog); a record's own language is read when a copy or a signature needs it.
///
/// ```swift
/// let loading = LibraryLoading(location: location, language: "gd")
/// // … the prompt is drawn, the passphrase typed …
/// let library = try loading.checked(speaking: catalog)
/// ```
final class LibraryLoading: Sendable {
    private let loaded = Mutex<FormLibrary?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(location: ContentLocation, language: String, cache: CatalogCache? = nil) {
        Thread.detachNewThread { [self] in
            let library = FormLibrary.load(from: location, languages: [language], cache: cache)
            loaded.withLock { $0 = library }
            finished.signal()
        }
    }

    /// The library as read, waiting for the reading to end if it has not.
    var library: FormLibrary {
        if let ready = loaded.withLock({ $0 }) { return ready }
        finished.wait()
        finished.signal()
        return loaded.withLock { $0! }
    }

    /// The library, once it is known to be fit to start with: at least one form, and no
    /// problem anywhere but in a translation (whose gaps fall back to the reference language).
    /// - Throws: ``Failure`` saying, in `catalog`'s words, to run `blether forms check`.
    /// It is looked at once; every later use has the answer.
    func checked(speaking catalog: Catalog) throws -> FormLibrary {
        let library = self.library
        let fit = fitness.withLock { known in
            if let known { return known }
            let referenceFile = library.catalogs[FormLibrary.referenceLanguage]?.file
            let translations = Set(library.catalogs.values.map(\.file)).subtracting([referenceFile].compactMap { $0 })
            known = library.problems.allSatisfy({ translations.contains($0.file) }) && !library.forms.isEmpty
            return known!
        }
        guard fit else { throw Failure(catalog.text(.errorFormsBroken)) }
        return library
    }

    /// Whether the library read is fit to start with, once it has been looked at.
    private let fitness = Mutex<Bool?>(nil)
}
