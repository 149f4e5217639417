import Foundation
import Testing
@testable import RefineryModel

/// Where a Chromium-family browser is, if any (`scripts/ensure-dependencies --test` installs
/// Debian's `chromium`).
enum Browser {
    static let path: String? = {
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the browser headless on `page` with `arguments`, everything it writes kept inside
    /// `folder` (profile, cache, crash dumps, home); output goes to files there, not pipes.
    static func run(_ arguments: [String], page: URL, in folder: URL, timeout: TimeInterval = 120) throws -> Run {
        let tag = UUID().uuidString
        let out = folder.appendingPathComponent("stdout-\(tag).txt"), err = folder.appendingPathComponent("stderr-\(tag).txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer { try? outHandle.close(); try? errHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        let profile = folder.appendingPathComponent("profile-\(tag)")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-breakpad",
                             "--disable-crash-reporter", "--disable-extensions", "--user-data-dir=\(profile.path)",
                             "--crash-dumps-dir=\(folder.path)", "--enable-logging=stderr", "--v=0"] + arguments + [page.absoluteString]
        var environment = ProcessInfo.processInfo.environment
        for key in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "TMPDIR"] { environment[key] = folder.path }
        process.environment = environment
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = nil
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The console-error lines of a run: uncaught exceptions, messages logged as errors, and
    /// resources that failed to load (which would also mean the page reached outside itself).
    /// Chromium logs console messages as `INFO:CONSOLE:<line>] "<message>"`.
    static func consoleErrors(_ run: Run) -> [String] {
        run.stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("Uncaught") || $0.contains("ERROR:CONSOLE") || $0.contains("Failed to load resource")
                || ($0.contains("CONSOLE") && $0.lowercased().contains("error"))
        }
    }
}

/// A PNG's size and how varied its pixels are, decoded with Python's standard library (zlib)
/// or, failing that, ImageMagick.
enum PNGSummary {
    struct Summary {
        let width: Int
        let height: Int
        let distinctColors: Int
        let nonWhiteShare: Double
    }

    static let script = """
    import struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
    pos, idat, width = 8, b'', 0
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    assert depth == 8 and ctype in (2, 6), 'unexpected PNG format %d %d' % (depth, ctype)
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous, colors, nonwhite, i = bytearray(stride), set(), 0, 0
    for y in range(height):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 2):
            pixel = bytes(line[x:x + 3]); colors.add(pixel)
            if pixel != b'\\xff\\xff\\xff': nonwhite += 1
        previous = line
    print(width, height, len(colors), nonwhite / (height * ((width + 1) // 2)))
    """

    static func summarize(_ png: URL, folder: URL) throws -> Summary? {
        let scriptURL = folder.appendingPathComponent("png-summary.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("png-summary.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path, png.path]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        let fields = ((try? String(contentsOf: out, encoding: .utf8)) ?? "").split(separator: " ")
            .map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard process.terminationStatus == 0, fields.count == 4, let w = Int(fields[0]), let h = Int(fields[1]),
              let n = Int(fields[2]), let share = Double(fields[3]) else { return nil }
        return Summary(width: w, height: h, distinctColors: n, nonWhiteShare: share)
    }
}

@Suite("Charts in a real browser", .serialized)
struct BrowserTests {
    /// The folder for the browser's files: `CHART_GALLERY_DIR` when set (kept, to look at the
    /// screenshot), else a fresh temporary folder removed afterwards.
    static func folder() throws -> (URL, keep: Bool) {
        if let kept = ProcessInfo.processInfo.environment["CHART_GALLERY_DIR"] {
            let url = URL(fileURLWithPath: kept)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return (url, true)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-gallery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return (url, false)
    }

    /// The gallery page plus a test-only script that writes each chart's rendered size into the
    /// DOM, so that `--dump-dom` shows what the browser laid out. The product page has no script.
    static func probe(_ html: String) -> String {
        let script = """
        <script>
        document.body.setAttribute('data-svg-sizes', Array.from(document.querySelectorAll('svg.chart')).map(function (svg) {
          var box = svg.getBoundingClientRect(); return svg.id + ':' + Math.round(box.width) + 'x' + Math.round(box.height);
        }).join(' '));
        </script>
        """
        return html.replacingOccurrences(of: "</body>", with: script + "\n</body>")
    }

    @Test("the gallery renders in Chromium: every chart in the DOM with a size, no console error, a screenshot that is not blank",
          .enabled(if: Browser.path != nil, "no Chromium found: run scripts/ensure-dependencies --test to install Debian's chromium"),
          arguments: ReportLanguage.allCases)
    func rendersInChromium(language: ReportLanguage) throws {
        let (folder, keep) = try Self.folder()
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let html = ChartGallery.page(language).html
        let page = folder.appendingPathComponent("gallery-\(language.tag).html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let probe = folder.appendingPathComponent("probe-\(language.tag).html")
        try Self.probe(html).write(to: probe, atomically: true, encoding: .utf8)
        let charts = ChartGallery.charts(language).map { $0.figure(in: language) }

        let dom = try Browser.run(["--dump-dom"], page: probe, in: folder)
        #expect(dom.status == 0, "chromium --dump-dom exited \(dom.status): \(dom.stderr.suffix(2000))")
        #expect(Browser.consoleErrors(dom).isEmpty, "console errors: \(Browser.consoleErrors(dom))")
        #expect(dom.stdout.components(separatedBy: "<svg ").count - 1 == charts.count)
        for chart in charts {
            #expect(dom.stdout.contains("<title id=\"\(MarkupEscaping.identifier(chart.text.id))-title\">"))
        }
        let sizes = dom.stdout.components(separatedBy: "data-svg-sizes=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        let measured = sizes.split(separator: " ").map { $0.split(separator: ":") }
        #expect(measured.count == charts.count, "sizes: \(sizes)")
        for entry in measured {
            let size = entry.last!.split(separator: "x").compactMap { Int($0) }
            #expect(size.count == 2 && size[0] > 100 && size[1] > 100, "\(entry)")
        }

        let screenshot = folder.appendingPathComponent("gallery-\(language.tag).png")
        // The screenshot is of the page itself, which has no script (checked in SVGMarkupTests).
        // (Chromium's --blink-settings=scriptEnabled=false would prove it, but then headless
        // Chromium writes no screenshot at all.)
        let shot = try Browser.run(["--screenshot=\(screenshot.path)", "--window-size=1280,2000", "--hide-scrollbars"],
                                   page: page, in: folder)
        #expect(shot.status == 0, "chromium --screenshot exited \(shot.status): \(shot.stderr.suffix(2000))")
        #expect(Browser.consoleErrors(shot).isEmpty, "console errors: \(Browser.consoleErrors(shot))")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
        guard let summary = try PNGSummary.summarize(screenshot, folder: folder) else {
            Issue.record("could not decode the screenshot \(screenshot.path) with python3")
            return
        }
        #expect(summary.width == 1280 && summary.height == 2000)
        #expect(summary.distinctColors > 8, "only \(summary.distinctColors) colours: a blank page?")
        #expect(summary.nonWhiteShare > 0.03, "only \(summary.nonWhiteShare) of the pixels are not white")
    }

    @Test("the console-error check catches a script error (so a clean run means something)",
          .enabled(if: Browser.path != nil, "no Chromium found: run scripts/ensure-dependencies --test to install Debian's chromium"))
    func consoleErrorsAreCaught() throws {
        let (folder, keep) = try Self.folder()
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let page = folder.appendingPathComponent("broken.html")
        try "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let run = try Browser.run(["--dump-dom"], page: page, in: folder)
        #expect(!Browser.consoleErrors(run).isEmpty, "stderr: \(run.stderr.suffix(2000))")
    }
}
