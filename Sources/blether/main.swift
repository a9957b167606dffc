import ArgumentParser
import BletherForms
import Foundation

struct Check: ParsableCommand {
    @Argument var paths: [String] = []
    func run() throws {
        let report = FormsCheck.run(paths: paths, shipped: .shipped())
        print(report.lines.joined(separator: "\n"))
    }
}
Check.main()
