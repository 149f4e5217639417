import Foundation

/// One line of progress on standard error, redrawn in place, for the work that can take over a
/// second (a campaign's solve, compare, the Monte Carlo, a sweep). It is drawn only when
/// standard error is a terminal (``Console/errorIsTerminal``): with a pipe or a file nothing
/// at all is written. The library never prints; it reports through callbacks, rendered here.
///
/// Counted work (`update(done:total:)`) shows the count and, once a point is done, an estimate
/// of the time left; other work shows the seconds elapsed, redrawn by a timer from
/// ``tickerDelay`` on, so that quick work leaves nothing on the screen.
final class ProgressLine: @unchecked Sendable {
    /// Seconds before the elapsed-time line first appears.
    static let tickerDelay = 0.5

    private let console: Console
    private let lock = NSLock()
    private var label: String
    private let unit: String
    private var counts: Counts?
    /// The counts so far: done, total, when the last count came and the first one.
    struct Counts {
        var done: Int
        var total: Int
        var at: Double
        var first: (done: Int, at: Double)
    }
    private var drawn = false
    private var lastDraw = 0.0
    private var finished = false
    private let started = Date()
    private var timer: DispatchSourceTimer?

    /// A progress line that reads `label` and counts `unit` (no user text: they are written
    /// as they are); nothing is drawn unless standard error is a terminal.
    init(console: Console, label: String, unit: String = "") {
        self.console = console
        self.label = label
        self.unit = unit
        guard console.errorIsTerminal else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + Self.tickerDelay, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw(force: true) }
        timer.resume()
        self.timer = timer
    }

    /// Whether anything will be drawn (standard error is a terminal).
    var isActive: Bool { console.errorIsTerminal }

    /// Changes what the line says (e.g. the next side of a comparison).
    func stage(_ label: String) {
        lock.withLock {
            self.label = label
            counts = nil
        }
        draw(force: false)
    }

    /// Counted progress: `done` of `total`, with an estimate of the time left. Safe to call
    /// from any thread; drawn at most ten times a second.
    func update(done: Int, total: Int) {
        let now = Date().timeIntervalSince(started)
        lock.withLock {
            // Workers report concurrently: a count that arrives late never moves the line back.
            guard done >= (counts?.done ?? 0) else { return }
            counts = Counts(done: done, total: total, at: now, first: counts?.first ?? (done, now))
        }
        draw(force: done >= total) // the last count is always shown
    }

    /// The callback to hand to the library (nil when nothing is drawn, so it costs nothing).
    var callback: (@Sendable (Int, Int) -> Void)? {
        guard isActive else { return nil }
        return { @Sendable [self] done, total in update(done: done, total: total) }
    }

    /// Erases the line and stops the timer; call it before writing the output.
    func finish() {
        timer?.cancel()
        lock.withLock {
            // Under the lock, so that no line drawn by the timer can follow the erasing.
            if drawn && !finished { console.progress("\r\u{1B}[K") }
            finished = true
        }
    }

    deinit { timer?.cancel() }

    private func draw(force: Bool) {
        guard console.errorIsTerminal else { return }
        lock.withLock {
            let elapsed = Date().timeIntervalSince(started)
            guard !finished, force || counts != nil || drawn, force || elapsed - lastDraw >= 0.1 || lastDraw == 0 else { return }
            lastDraw = elapsed
            drawn = true
            console.progress("\r\u{1B}[K" + Self.describe(label: label, unit: unit, counts: counts, elapsed: elapsed))
        }
    }

    /// The line's text: `label: 12/40 unit, 3.0 s, about 7.0 s left` or `label: 3.2 s`. The
    /// estimate is the time per item between the first count and the last (from the start
    /// while there is one count only, as the work before the first item may be long) times
    /// the items left, less the time since the last count.
    static func describe(label: String, unit: String = "", counts: Counts?, elapsed: Double) -> String {
        guard let counts else { return "\(label): \(seconds(elapsed))" }
        let (done, total, at) = (counts.done, counts.total, counts.at)
        var text = "\(label): \(done)/\(total)\(unit.isEmpty ? "" : " " + unit), \(seconds(elapsed))"
        if done > 0 && done < total {
            let perItem = done > counts.first.done ? (at - counts.first.at) / Double(done - counts.first.done) : at / Double(done)
            text += ", about \(seconds(max(0, perItem * Double(total - done) - (elapsed - at)))) left"
        }
        return text
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f s", value) : value < 120 ? "\(Int(value.rounded())) s" : "\(Int((value / 60).rounded())) min"
    }
}
