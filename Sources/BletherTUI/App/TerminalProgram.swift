/// A program the terminal edge can run: keys in, a grid out, until it is finished.
/// `FullScreenApp` is one; a test can drive any other.
///
/// ```swift
/// try FullScreenRunner.run(app)   // app: some TerminalProgram
/// ```
package protocol TerminalProgram: AnyObject {
    var settings: DisplaySettings { get }
    var isFinished: Bool { get }
    func handle(_ key: Key)
    /// Keys that arrived together (a paste), in order, before the screen is drawn again.
    func handle(_ keys: [Key])
    /// The screen as it should look now; drawing changes nothing.
    func render() -> CellGrid
    /// Ends the program on a signal, saving what can be saved; returns whether the person's
    /// review ended so (which the caller reports with a failing exit status).
    func endBySignal() throws -> Bool
}

extension TerminalProgram {
    package func handle(_ keys: [Key]) {
        for key in keys where !isFinished { handle(key) }
    }
}
