internal import CGLPK
import Foundation

/// One GLPK problem and the thread's GLPK environment, from creation to cleanup.
///
/// GLPK keeps a separate environment per thread (it is built with thread-local storage), so a
/// session must be created, used and closed on one thread, inside one synchronous call: it is
/// never stored, never sent to another thread, and never held across an `await`.
///
/// On creation it routes all of GLPK's terminal output through ``GLPKTerminal`` (nothing ever
/// reaches stdout or stderr unless a log was asked for). The hook is installed before anything
/// else, so even the message GLPK prints on a fatal error, before it calls the error hook, is
/// captured. ``close()`` deletes the problem and frees the thread's environment, so no GLPK
/// memory outlives the call. If a guarded call reports a fatal error (or a deadline-guarded
/// call was stopped), GLPK's environment (and with it the problem) is already gone; the
/// session then only forgets its pointer.
final class GLPKSession {
    /// The problem (`glp_prob *`); nil once the environment has been freed.
    private(set) var problem: OpaquePointer?
    /// Whether the problem has been scaled (once, before the first simplex call).
    var isScaled = false
    /// Whether a MIP solve runs the relaxation itself (presolver off).
    var relaxationFirst = false
    let terminal: GLPKTerminal

    init(log: SolverOptions.LogDestination) {
        terminal = GLPKTerminal(log: log)
        // Output stays on so that error messages reach the hook, which never lets text through
        // to stdout.
        glp_term_out(GLP_ON)
        glp_term_hook(GLPKTerminal.hook, terminalInfo)
        var created: OpaquePointer?
        if cglpk_guarded_create_prob(&created) != CGLPK_FATAL { problem = created }
    }

    /// The terminal's address, for GLPK's `info` pointer (the session keeps it alive).
    var terminalInfo: UnsafeMutableRawPointer { Unmanaged.passUnretained(terminal).toOpaque() }

    /// The problem, or a fatal error when GLPK could not create it or it is gone.
    func requireProblem() throws(OptimizationError) -> OpaquePointer {
        guard let problem else { throw .fatalSolverError(call: "glp_create_prob", log: terminal.recentText) }
        return problem
    }

    /// Deletes the problem and frees GLPK's environment on this thread. Idempotent.
    func close() {
        guard let problem else { return }
        glp_delete_prob(problem)
        self.problem = nil
        glp_term_hook(nil, nil)
        glp_free_env()
    }

    deinit { close() }

    /// Turns the result of a guarded call into an error when GLPK hit a fatal error in `call`.
    func checkFatal(_ code: Int32, in call: String) throws(OptimizationError) -> Int32 {
        if code == CGLPK_FATAL {
            forget()
            throw .fatalSolverError(call: call, log: terminal.recentText)
        }
        return code
    }

    /// Forgets the problem after GLPK's environment was freed by a guard (fatal error or
    /// deadline): glp_free_env() already released it.
    func forget() { problem = nil }

    /// The message level matching the log destination: errors only (captured, not shown)
    /// unless a log was asked for.
    var messageLevel: Int32 {
        if case .off = terminal.log { return GLP_MSG_ERR }
        return GLP_MSG_ON
    }
}

// Thread-confined: GLPK's environment belongs to the thread that created the session.
@available(*, unavailable)
extension GLPKSession: Sendable {}

/// Receives everything GLPK writes to its terminal: forwards it to the log destination and
/// keeps the last few kilobytes so that error messages can quote GLPK.
final class GLPKTerminal {
    let log: SolverOptions.LogDestination
    private var recent: [UInt8] = []
    private static let recentLimit = 4096

    init(log: SolverOptions.LogDestination) { self.log = log }

    /// GLPK's recent output, trimmed.
    var recentText: String {
        String(decoding: recent, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func receive(_ text: UnsafePointer<CChar>) {
        let string = String(cString: text)
        recent.append(contentsOf: string.utf8)
        if recent.count > Self.recentLimit { recent.removeFirst(recent.count - Self.recentLimit) }
        switch log {
        case .off: break
        case .standardError:
            // write(2), not FileHandle.write, which traps when stderr is closed or full; the log
            // is best effort, so a failed write is dropped.
            string.utf8CString.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count - 1) }
        case let .handler(handler): handler(string)
        }
    }

    /// GLPK's terminal hook. Returning nonzero tells GLPK the text was handled, so it never
    /// writes to stdout itself.
    static let hook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
        guard let info, let text else { return 1 }
        Unmanaged<GLPKTerminal>.fromOpaque(info).takeUnretainedValue().receive(text)
        return 1
    }
}

@available(*, unavailable)
extension GLPKTerminal: Sendable {}
