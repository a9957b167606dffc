import BletherCore
import BletherTUI
import CNcursesw
import Foundation

/// The thin edge between a ``CellGrid`` and a real terminal, through ncursesw: it writes
/// only the cells that changed since the last frame, and leaves the hardware cursor on
/// the focused field so screen readers and braille displays follow it.
///
/// Every call happens on the thread that created the driver.
///
/// ```swift
/// let driver = try TerminalDriver.start(settings: settings)
/// defer { driver.stop() }
/// driver.draw(app.render())
/// ```
package final class TerminalDriver {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private var colourPairs: [CellRole: attr_t] = [:]
    private var settings: DisplaySettings
    private var stopped = false

    package enum StartError: Error {
        case noTerminal
    }

    private init(window: UnsafeMutablePointer<WINDOW>, settings: DisplaySettings) {
        self.window = window
        self.settings = settings
    }

    /// How long ncurses waits after an Escape for the rest of a key's sequence, unless
    /// `ESCDELAY` says otherwise: its own default is a whole second.
    package static let escapeDelayMilliseconds: Int32 = 100

    /// Takes over the terminal: raw keys (Ctrl-C arrives as a key), no echo, keypad
    /// decoding, a short wait after Escape, and a short input timeout so signals are
    /// noticed between keys.
    package static func start(settings: DisplaySettings) throws(StartError) -> TerminalDriver {
        setlocale(LC_ALL, "")
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        guard let window = initscr() else { throw .noTerminal }
        if getenv("ESCDELAY") == nil { set_escdelay(escapeDelayMilliseconds) }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // A mouse report is read by Blether's own decoder (``EscapeSequence``), never half-read
        // by ncurses as KEY_MOUSE followed by its numbers as typed text.
        keyok(KEY_MOUSE, false)
        KeyDecoding.learnExtendedKeys()
        wtimeout(window, 150)
        let driver = TerminalDriver(window: window, settings: settings)
        driver.setUpColours()
        TerminalRestore.onCrash(saved: saved)
        if settings.mouse { TerminalRestore.mouse(on: true) }
        return driver
    }

    /// The terminal's size now.
    package var size: (columns: Int, rows: Int) {
        (Int(blether_columns(window)), Int(blether_rows(window)))
    }

    /// Applies new display settings; the next frame is drawn whole.
    package func update(settings newSettings: DisplaySettings) {
        guard newSettings != settings else { return }
        if newSettings.mouse != settings.mouse { TerminalRestore.mouse(on: newSettings.mouse) }
        settings = newSettings
        setUpColours()
        previous = nil
    }

    private func setUpColours() {
        colourPairs = [:]
        guard settings.colour, !settings.highContrast, has_colors() else { return }
        start_color()
        use_default_colors()
        let pairs: [(CellRole, Int16, Int16)] = [
            (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
            (.keyBar, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
            (.problem, Int16(COLOR_RED), -1),
            (.heading, Int16(COLOR_BLUE), -1),
            (.field, Int16(COLOR_YELLOW), -1),
        ]
        for (index, pair) in pairs.enumerated() {
            init_pair(Int16(index + 1), pair.1, pair.2)
            colourPairs[pair.0] = blether_color_pair(Int16(index + 1))
        }
    }

    /// Attributes for a style: colour where allowed; otherwise bold, reverse and underline.
    private func attributes(for style: CellStyle) -> attr_t {
        var attributes = blether_attr_normal()
        if style.bold { attributes |= blether_attr_bold() }
        if style.underline { attributes |= blether_attr_underline() }
        switch style.role {
        case .selected, .title, .keyBar: attributes |= blether_attr_reverse()
        case .dialog where settings.highContrast: attributes |= blether_attr_bold()
        case .muted where !settings.highContrast && settings.colour: attributes |= blether_attr_dim()
        case .problem where settings.highContrast || !settings.colour: attributes |= blether_attr_bold()
        default: break
        }
        if let pair = colourPairs[style.role], style.role != .title, style.role != .keyBar, style.role != .selected {
            attributes |= pair
        }
        return attributes
    }

    /// Writes what changed since the last frame and moves the cursor to the focus.
    package func draw(_ grid: CellGrid) {
        if previous.map({ $0.columns != grid.columns || $0.rows != grid.rows }) ?? true { werase(window) }
        for run in GridDiff.runs(from: previous, to: grid) {
            blether_set_attributes(window, attributes(for: run.style))
            var text = run.text
            // The last cell of the screen cannot be written without scrolling; leave it.
            if run.row == grid.rows - 1, run.column + TextWidth.of(text) >= grid.columns, !text.isEmpty { text.removeLast() }
            let scalars = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
            scalars.withUnsafeBufferPointer { buffer in
                _ = mvwaddnwstr(window, Int32(run.row), Int32(run.column), buffer.baseAddress, Int32(scalars.count - 1))
            }
        }
        blether_set_attributes(window, blether_attr_normal())
        if let cursor = grid.screenCursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        previous = grid
    }

    /// The next key, or `nil` when none arrived within the input timeout or what arrived
    /// was a sequence that means nothing here (it is ignored whole, never typed as text).
    /// A key already waiting to be read (the rest of a paste), without waiting for one.
    package func pendingKey() -> Key? {
        wtimeout(window, 0)
        defer { wtimeout(window, 150) }
        return nextKey()
    }

    package func nextKey() -> Key? {
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == ERR { return nil }
        let read: KeyDecoding.Read?
        if status == blether_key_code_yes() {
            read = KeyDecoding.function(Int32(character), size: size)
        } else {
            read = KeyDecoding.character(UInt32(character), next: { [window] midSequence in
                var following: wint_t = 0
                // The rest of a sequence that has begun is worth the escape delay; after a
                // bare Escape, ncurses has already waited it.
                wtimeout(window, midSequence ? get_escdelay() : 0)
                defer { wtimeout(window, 150) }
                let result = wget_wch(window, &following)
                if result == ERR { return nil }
                if result == blether_key_code_yes() {
                    guard Int32(following) != blether_key_resize() else { ungetch(blether_key_resize()); return nil }
                    return .functionKey
                }
                return .character(UInt32(following))
            }, pushBack: { value in _ = unget_wch(wchar_t(value)) })
        }
        guard case .key(let key)? = read else { return nil }
        return key
    }

    /// Gives the terminal back for a while (the program is about to be stopped), mouse off.
    package func suspend() {
        if settings.mouse { TerminalRestore.mouse(on: false) }
        curs_set(1)
        endwin()
    }

    /// Takes the terminal again after ``suspend()``; the next frame is drawn whole.
    package func resume() {
        previous = nil
        wrefresh(window)
        if settings.mouse { TerminalRestore.mouse(on: true) }
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    package func stop() {
        guard !stopped else { return }
        stopped = true
        if settings.mouse { TerminalRestore.mouse(on: false) }
        curs_set(1)
        endwin()
        TerminalRestore.forgetCrash()
    }
}
