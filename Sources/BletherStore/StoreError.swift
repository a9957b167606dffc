/// Why the store could not do what was asked. Each names the path or record at fault;
/// none of them changes anything already saved.
package enum StoreError: Error, Equatable, Sendable {
    /// The data directory cannot be created or written.
    case directoryNotWritable(path: String)
    /// The database was written by a newer Blether; `unknown` lists the schema steps this one does not know.
    case newerDatabase(path: String, unknown: [String])
    /// The database file cannot be opened or read.
    case unreadable(path: String, reason: String)
    case noConversation(id: String)
    /// A saved answer cannot be decoded (the question and conversation are named).
    case damagedAnswer(conversation: String, question: String)
    case cannotSave(reason: String)
    /// Personal content was asked for, but the store was opened without the worker's key.
    case locked
    /// Sealed personal content does not open with this worker's key (named by what it is).
    case sealedWithAnotherKey(what: String)
    /// Sealed content that should open with this worker's key does not: its bytes were damaged
    /// (named by what it is).
    case damaged(what: String)
}
