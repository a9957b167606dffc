import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started in a pseudo-terminal of a given size, as a worker's terminal starts it:
/// what it draws is read back with the time each byte arrived, and keys are typed into it.
///
/// ```swift
/// let terminal = try PseudoTerminal(["/usr/bin/dialog", "--msgbox", "Hello", "6", "30"], columns: 80, rows: 24)
/// let drawn = try terminal.wait(for: "Hello")   // the instant the text first arrived
/// terminal.end()
/// ```
final class PseudoTerminal {
    let pid: pid_t
    /// When the program was started: just before it was spawned.
    let started: ContinuousClock.Instant
    private let controller: Int32
    private(set) var output: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ command: [String], environment: [String: String] = [:], columns: Int = 80, rows: Int = 24) throws {
        // posix_openpt and ptsname are not in Swift's Glibc module: the same, by hand, on Linux's devpts.
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard controller >= 0, ioctl(controller, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(controller, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let terminalPath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session, so that opening the terminal below makes it the program's own.
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, controller)
        posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let arguments = command.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + variables).forEach { free($0) } }
        var child: pid_t = 0
        started = ContinuousClock.now
        let result = posix_spawn(&child, command[0], &actions, &attributes, arguments, variables)
        guard result == 0 else { throw Failure(description: "cannot start \(command[0]): \(String(cString: strerror(result)))") }
        pid = child
    }

    deinit {
        end()
        close(controller)
    }

    /// Types `text` into the program; returns the instant it was written.
    @discardableResult
    func type(_ text: String) -> ContinuousClock.Instant {
        let bytes = Array(text.utf8)
        let now = ContinuousClock.now
        bytes.withUnsafeBytes { _ = Glibc.write(controller, $0.baseAddress, $0.count) }
        return now
    }

    /// Reads what the program draws until `text` has arrived after byte `offset`; returns the
    /// instant the read that completed it returned.
    func wait(for text: String, after offset: Int = 0, timeout: Duration = .seconds(60)) throws -> ContinuousClock.Instant {
        let wanted = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = search(wanted, from: max(0, offset - wanted.count)) { _ = found; return lastRead }
            guard try read(until: deadline) else {
                throw Failure(description: "“\(text)” never appeared; the program drew: \(String(decoding: output.suffix(600), as: UTF8.self).debugDescription)")
            }
        }
    }

    /// Reads until anything arrives after byte `offset`; returns the instant it arrived.
    func waitForOutput(after offset: Int, timeout: Duration = .seconds(30)) throws -> ContinuousClock.Instant {
        let deadline = ContinuousClock.now + timeout
        while output.count <= offset {
            guard try read(until: deadline) else { throw Failure(description: "nothing was drawn after a key") }
        }
        return lastRead
    }

    /// Reads until nothing arrives for `quiet`, so that a frame being drawn is wholly read.
    func drain(quiet: Duration = .milliseconds(150)) throws {
        while try read(until: ContinuousClock.now + quiet) {}
    }

    /// Resident memory now and at its peak, in kibibytes, from /proc.
    func memory() -> (resident: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    private var ended = false

    /// Ends the program (SIGTERM, then SIGKILL) and waits for it.
    func end() {
        guard !ended else { return }
        ended = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid { return }
            _ = try? read(until: ContinuousClock.now + .milliseconds(10))
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
    }

    /// Waits for the program to end by itself; its exit status.
    func waitForExit(timeout: Duration = .seconds(120)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { ended = true; return (status >> 8) & 0xff }
            _ = try? read(until: ContinuousClock.now + .milliseconds(20))
        }
        throw Failure(description: "the program did not end")
    }

    private var lastRead = ContinuousClock.now

    private func search(_ wanted: [UInt8], from start: Int) -> Int? {
        guard !wanted.isEmpty, output.count >= wanted.count else { return nil }
        var index = start
        while index + wanted.count <= output.count {
            if output[index] == wanted[0], output[index..<(index + wanted.count)].elementsEqual(wanted) { return index }
            index += 1
        }
        return nil
    }

    /// One read, waiting at most until `deadline`: false when nothing came.
    private func read(until deadline: ContinuousClock.Instant) throws -> Bool {
        let remaining = deadline - ContinuousClock.now
        let milliseconds = max(0, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
        var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        lastRead = ContinuousClock.now
        output.append(contentsOf: buffer[0..<count])
        return true
    }
}
