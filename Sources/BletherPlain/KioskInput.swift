import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM or SIGHUP received while a review is held, or 0.
private let stopSignal = Atomic<Int32>(0)

/// Standard input held like a kiosk, for the person's review in plain mode.
///
/// In plain mode the shell that started Blether owns the terminal, so whatever ends the
/// program hands that shell to whoever is at the keyboard. While a review is held, no key
/// ends it: Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT) and Ctrl-Z (SIGTSTP) are ignored, and the end
/// of input (Ctrl-D) on a terminal is ignored too — the review keeps asking. Only what does
/// not come from the person's keyboard ends it: `kill` (SIGTERM) or the terminal closing
/// (SIGHUP); then ``nextLine()`` returns `nil` and ``endedBy`` says which. From a script
/// (no terminal), the end of input ends the review as before.
///
/// ```swift
/// let input = KioskInput()
/// input.hold()
/// defer { input.release() }
/// while let line = input.nextLine() { … }
/// ```
package final class KioskInput: LineSource {
    package let isTerminal: Bool
    /// The signal that ended the review, when one did (SIGTERM, or SIGHUP also for a terminal that went away).
    package private(set) var endedBy: Int32?
    private var held = false
    /// Ends of input in a row: a terminal that has gone away reports one after another at once.
    private var endsInARow = 0
    /// Ends of input within one second that only a terminal gone away makes: far beyond any key repeat.
    static let endsAtOnceFromAGoneTerminal = 300
    private var firstEndInARow = Date.distantPast
    /// Bytes read from the terminal that do not yet make a whole line.
    private var pending: [UInt8] = []

    package init(isTerminal: Bool = isatty(0) == 1) {
        self.isTerminal = isTerminal
    }

    /// Starts holding: the keyboard's signals are ignored; SIGTERM and SIGHUP interrupt a read.
    package func hold() {
        guard !held else { return }
        held = true
        stopSignal.store(0, ordering: .relaxed)
        for ignored in [SIGINT, SIGQUIT, SIGTSTP] { signal(ignored, SIG_IGN) }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for stopping in [SIGTERM, SIGHUP] {
            sigaddset(&unblock, stopping)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in stopSignal.store(received, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a read waiting for a line returns, so the stop is seen at once.
            action.sa_flags = 0
            sigaction(stopping, &action, nil)
        }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Stops holding: every signal back to its default, except SIGQUIT, which stays ignored.
    package func release() {
        guard held else { return }
        held = false
        for restored in [SIGINT, SIGTSTP, SIGTERM, SIGHUP] { signal(restored, SIG_DFL) }
    }

    package func nextLine() -> String? {
        read()
    }

    /// A line typed without being shown (the worker's passphrase), asked for by `prompt`
    /// once echo is off and given to `check` before echo is back, so nothing typed while a
    /// slow check runs is shown (it is discarded); `nil` only when the review ends.
    package func nextSecretLine<Checked>(prompt: String, checkedBy check: (String) -> Checked) -> Checked? {
        guard isTerminal else {
            FileHandle.standardOutput.write(Data((prompt + " ").utf8))
            return read().map(check)
        }
        return HiddenTyping.read(prompt: prompt, on: .standardOutput) { read().map(check) }
    }

    private func read() -> String? {
        // A script's input ends the review at its end, as it always has.
        guard isTerminal else {
            if let stop = stopped { endedBy = stop; return nil }
            let line = readLine(strippingNewline: true)
            if let stop = stopped { endedBy = stop; return nil }
            return line
        }
        // A terminal in canonical mode hands over at most one line a read, so reading the
        // descriptor itself loses nothing stdio holds; and an end of input is not sticky here.
        while true {
            if let stop = stopped { endedBy = stop; return nil }
            if let newline = pending.firstIndex(of: 0x0A) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                endsInARow = 0
                return String(decoding: line, as: UTF8.self)
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count > 0 {
                pending += buffer[..<count]
                continue
            }
            if count < 0 && errno == EINTR { continue }
            // A terminal that cannot be read any more (EIO) has gone away: like SIGHUP.
            if count < 0 { endedBy = SIGHUP; return nil }
            // Ctrl-D, even held down: keep asking. A terminal that has gone away says so (a hang-up
            // on the descriptor) and ends the review like SIGHUP; so do hundreds of ends within a
            // second, which no keyboard repeats that fast.
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 0) > 0, descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { endedBy = SIGHUP; return nil }
            let now = Date()
            if endsInARow == 0 || now.timeIntervalSince(firstEndInARow) > 1 {
                endsInARow = 0
                firstEndInARow = now
            }
            endsInARow += 1
            if endsInARow >= KioskInput.endsAtOnceFromAGoneTerminal { endedBy = SIGHUP; return nil }
        }
    }

    private var stopped: Int32? {
        let received = stopSignal.load(ordering: .relaxed)
        return received == 0 ? nil : received
    }
}
