import BletherCore
import BletherStore
import Foundation

/// `blether list`: one line per conversation — id, person, form, state, last change.
///
/// ```swift
/// for line in ConversationListing.lines(summaries, catalog: catalog) { print(line) }
/// ```
public enum ConversationListing {
    public static func lines(_ summaries: [ConversationSummary], catalog: Catalog) -> [String] {
        guard !summaries.isEmpty else { return [catalog.text(.listEmpty)] }
        var lines = [catalog.text(.listHeader)]
        for summary in summaries {
            let columns = [
                pad(summary.id, 10),
                pad(summary.person, 24),
                pad(summary.formID, 27),
                pad(catalog.conversationState(summary.state), 13),
                LocalTimestamp.text(summary.updatedAt),
            ]
            lines.append(columns.joined())
        }
        return lines
    }

    /// The text padded with spaces to `width` characters, or cut with an ellipsis to fit.
    static func pad(_ text: String, _ width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if flat.count >= width { return String(flat.prefix(width - 2)) + "… " }
        return flat + String(repeating: " ", count: width - flat.count)
    }
}
