/// A list answer being written: its entries, added, changed and removed one at a time, and
/// the answer it comes to. Plain mode and the full screen both keep their list in one.
///
/// ```swift
/// var list = EntryList(.people, value: saved)
/// list.add(try ListEntry(.people, values: [.name: "Ann"]))
/// save(list.value)       // .people([PersonEntry(name: "Ann")])
/// ```
package struct EntryList: Sendable, Equatable {
    package let kind: EntryListKind
    package private(set) var entries: [ListEntry]

    /// The entries of a saved answer of `kind` (none when it is of another shape).
    package init(_ kind: EntryListKind, value: AnswerValue?) {
        self.kind = kind
        switch (kind, value) {
        case (.people, .people(let people)?): entries = people.map(ListEntry.person)
        case (.outcomes, .outcomes(let outcomes)?): entries = outcomes.map(ListEntry.outcome)
        case (.supportPlan, .supportPlan(let lines)?): entries = lines.map(ListEntry.planLine)
        case (.people, _), (.outcomes, _), (.supportPlan, _): entries = []
        }
    }

    package var count: Int { entries.count }

    /// The answer the list comes to.
    package var value: AnswerValue {
        switch kind {
        case .people: .people(entries.compactMap { if case .person(let person) = $0 { person } else { nil } })
        case .outcomes: .outcomes(entries.compactMap { if case .outcome(let outcome) = $0 { outcome } else { nil } })
        case .supportPlan: .supportPlan(entries.compactMap { if case .planLine(let line) = $0 { line } else { nil } })
        }
    }

    /// The list with `entry` added at the end, as it would be saved.
    package func adding(_ entry: ListEntry) -> EntryList {
        var list = self
        list.entries.append(entry)
        return list
    }

    /// Adds `entry` at the end, or puts it in place of the entry at `index`.
    package mutating func put(_ entry: ListEntry, at index: Int?) {
        if let index, entries.indices.contains(index) { entries[index] = entry } else { entries.append(entry) }
    }

    package mutating func remove(at index: Int) {
        guard entries.indices.contains(index) else { return }
        entries.remove(at: index)
    }
}
