extension Catalog {
    /// A file problem as one sentence in this language: the path, what is wrong, how to fix it.
    ///
    /// ```swift
    /// catch let problem as FileProblem { print(catalog.text(for: problem)) }
    /// ```
    package func text(for problem: FileProblem) -> String {
        let values = ["path": problem.path, "folder": problem.folder]
        switch (problem.kind, problem.action) {
        case (.missing, _): return text(.fileMissing, values)
        case (.folderMissing, _): return text(.fileFolderMissing, values)
        case (.notAFolder, _): return text(.fileNotAFolder, values)
        case (.noPermission, .reading): return text(.fileNoPermissionRead, values)
        case (.noPermission, .writing): return text(.fileNoPermissionWrite, values)
        case (.readOnlyDisk, _): return text(.fileReadOnlyDisk, values)
        case (.diskFull, _): return text(.fileDiskFull, values)
        case (.isAFolder, _): return text(.fileIsAFolder, values)
        case (.other(let reason), .reading): return text(.fileOtherRead, values.merging(["reason": reason]) { $1 })
        case (.other(let reason), .writing): return text(.fileOtherWrite, values.merging(["reason": reason]) { $1 })
        }
    }
}
