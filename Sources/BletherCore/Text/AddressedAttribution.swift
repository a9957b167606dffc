/// Whose words an answer was, said to the person who reads their own copy: "You said this.",
/// "Your carer said this.", "Ailsa Grant, your worker, wrote this." — never "(the person)".
/// A name is given only where it is authenticated (the signatures on the record: the worker
/// who signed it, an advocate who countersigned it); otherwise the role alone.
///
/// ```swift
/// let by = AddressedAttribution(catalog: catalog, names: [.worker: "Ailsa Grant"])
/// by.line(for: .worker)   // "Ailsa Grant, your worker, wrote this." (the name kept apart, to be isolated)
/// ```
package struct AddressedAttribution: Sendable {
    package let catalog: Catalog
    /// Authenticated names by role: only a signature on the record gives one.
    package let names: [Speaker: String]

    package init(catalog: Catalog, names: [Speaker: String] = [:]) {
        self.catalog = catalog
        self.names = names.filter { !$0.value.isEmpty }
    }

    /// The line said after an answer: whose words they were, addressed to the person.
    package func line(for speaker: Speaker) -> DocumentText {
        switch (speaker, names[speaker]) {
        case (.person, _): catalog.document(.copyByPerson)
        case (.carer, _): catalog.document(.copyByCarer)
        case (.advocate, let name?): catalog.document(.copyByAdvocateNamed, ["name": name], inserted: ["name"])
        case (.advocate, nil): catalog.document(.copyByAdvocate)
        case (.worker, let name?): catalog.document(.copyByWorkerNamed, ["name": name], inserted: ["name"])
        case (.worker, nil): catalog.document(.copyByWorker)
        }
    }
}
