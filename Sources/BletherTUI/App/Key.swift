/// A key press, as the terminal driver reports it and screens handle it.
package enum Key: Sendable, Equatable {
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl-Left / Alt-B and Ctrl-Right / Alt-F.
    case wordLeft, wordRight
    case function(Int)
    /// Ctrl with a letter, given in lower case (Ctrl-Q is `.control("q")`).
    case control(Character)
    /// Ctrl-C: save what can be saved and leave the program.
    case interrupt
    case resize(columns: Int, rows: Int)
    /// A click or a turn of the wheel (only when the terminal reports them and mouse use is on).
    case mouse(MouseEvent)
}
