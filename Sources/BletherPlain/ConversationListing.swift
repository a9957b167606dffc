import BletherCore
import BletherStore
import Foundation

/// `blether list`: one line per conversation — id, person, form, state, last change.
///
/// ```swift
/// for line in ConversationListing.lines(summaries, catalog: catalog) { print(line) }
/// ```
package enum ConversationListing {
    package static func lines(_ summaries: [ConversationSummary], catalog: Catalog) -> [String] {
        guard !summaries.isEmpty else { return [catalog.text(.listEmpty)] }
        var lines = [catalog.text(.listHeader)]
        for summary in summaries {
            let columns = [
                pad(summary.id, 10),
                pad(summary.person, 24, isolated: true),
                pad(summary.formID, 27),
                pad(catalog.conversationState(summary.state), 13),
                LocalTimestamp.text(summary.updatedAt),
            ]
            lines.append(columns.joined())
        }
        return lines
    }

    /// The text padded with spaces to `width` characters, or cut with an ellipsis to fit.
    /// An `isolated` field (a person's name) has its bidi controls shown and is isolated
    /// (``BidiIsolation/isolate(_:)``), so it cannot turn round the columns after it.
    static func pad(_ text: String, _ width: Int, isolated: Bool = false) -> String {
        var flat = text.replacingOccurrences(of: "\n", with: " ")
        if isolated { flat = BidiIsolation.visible(flat) }
        let cut = flat.count >= width ? String(flat.prefix(width - 2)) + "…" : flat
        let padding = String(repeating: " ", count: max(width - cut.count, 1))
        return (isolated ? BidiIsolation.isolate(cut) : cut) + padding
    }
}
