import Foundation

/// A real terminal for end-to-end tests: tmux on a socket of its own, with a fixed size,
/// `LANG=C.UTF-8` and `ESCDELAY` set. Tests wait for what the screen shows, never for a
/// fixed time.
final class TmuxTerminal {
    let socket = "blether-e2e-\(UUID().uuidString.prefix(8))"
    private(set) var lastScreen = ""

    /// Starts `command` in a new session of `columns`×`rows`.
    init(command: String, columns: Int = 100, rows: Int = 30, environment: [String: String]) throws {
        var arguments = ["new-session", "-d", "-x", String(columns), "-y", String(rows)]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments.append(command)
        try tmux(arguments, capture: false)
    }

    deinit {
        _ = try? tmux(["kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(getuid())/\(socket)")
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }

    /// Runs a tmux command and waits for it. It is spawned directly and reaped with
    /// `waitpid`: the tmux server daemonises from the first command and would keep any
    /// pipe or descriptor of ours open, which would leave a Foundation `Process` waiting.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner may block or ignore signals; the terminal under test must see
        // SIGWINCH and SIGTERM as a worker's terminal would.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        guard status == 0 else { throw TmuxError.cannotStart(status) }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) == -1 && errno == EINTR {}
        return capture ? ((try? String(contentsOf: output, encoding: .utf8)) ?? "") : ""
    }

    enum TmuxError: Error { case cannotStart(Int32) }

    /// Keys by tmux name: `Enter`, `Tab`, `F2`, `C-c`, `Down`.
    func press(_ keys: String...) throws {
        try tmux(["send-keys"] + keys, capture: false)
    }

    /// Keys sent together, as fast as the terminal takes them: a key held down.
    func press(_ key: String, times: Int) throws {
        try tmux(["send-keys"] + Array(repeating: key, count: times), capture: false)
    }

    /// Text typed as it is, character by character.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-l", text], capture: false)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p"])
    }

    /// The cursor as (column, row).
    func cursor() throws -> (Int, Int) {
        let parts = try tmux(["display-message", "-p", "#{cursor_x} #{cursor_y}"]).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (parts.first ?? -1, parts.last ?? -1)
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-x", String(columns), "-y", String(rows)], capture: false)
    }

    /// Waits until the screen satisfies `condition`; false after `seconds`.
    func waitFor(_ seconds: Double = 20, _ condition: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            lastScreen = try screen()
            if condition(lastScreen) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        } while Date() < deadline
        return false
    }

    func waitFor(_ text: String, seconds: Double = 20) throws -> Bool {
        try waitFor(seconds) { $0.contains(text) }
    }
}
