import Foundation

/// Reads scenarios from JSON, reporting every problem with its JSON path.
///
/// Loading happens in three passes, so that the problems reported are the real ones:
/// 1. the text is parsed as strict JSON (line and column of any syntax error; duplicate keys
///    and absurd nesting are refused);
/// 2. its structure is checked against `scenario.schema.json`: wrong types, missing fields and
///    unknown fields (rejected, not ignored) are all listed;
/// 3. the decoded scenario is checked by ``ScenarioValidator``: ranges, references, shares,
///    dates, all listed.
/// A document with structural problems is not decoded, so pass 3 runs once they are fixed.
///
/// ```swift
/// do {
///     let scenario = try ScenarioLoader.load(contentsOf: url)
/// } catch {
///     for problem in error.problems { print(problem) } // intake.lots[3].assay.gold: 1.4 is not a fraction in (0, 1]
/// }
/// ```
public enum ScenarioLoader {
    /// Files larger than this are refused before parsing (512 MiB); a stream is read only
    /// until it passes this size.
    public static let maximumBytes = 512 * 1024 * 1024

    /// The scenario JSON Schema, as embedded in the library.
    public static let schema: JSONValue = {
        do { return try JSONParser.parse(Array(EmbeddedData.scenarioSchema.utf8)) } catch { return .object([]) }
    }()

    /// Loads a scenario from a file.
    public static func load(contentsOf url: URL) throws(ScenarioError) -> Scenario {
        try load(data: read(url))
    }

    /// Loads a scenario from JSON bytes.
    public static func load(data: Data) throws(ScenarioError) -> Scenario {
        guard data.count <= maximumBytes else { throw .tooLarge(path: "(data)", maximumBytes: maximumBytes) }
        let data = Data(withoutByteOrderMark(data))
        let value: JSONValue
        do { value = try JSONParser.parse(Array(data)) } catch { throw .syntax(error) }
        return try load(json: value, text: data)
    }

    /// Loads a scenario from a parsed JSON document (after command-line overrides, say).
    public static func load(json: JSONValue) throws(ScenarioError) -> Scenario {
        try load(json: json, text: nil)
    }

    /// `text`, when given, is the JSON that `json` was parsed from: decoding it saves
    /// serializing the document again.
    private static func load(json: JSONValue, text: Data?) throws(ScenarioError) -> Scenario {
        let structural = SchemaValidator(schema: schema).problems(in: json)
        if !structural.isEmpty { throw .invalid(structural) }
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: text ?? Data(json.serialized().utf8))
        } catch {
            // The schema and the types are kept in step by tests, so this is a bug if it happens.
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "could not be decoded: \(error)")])
        }
        let semantic = ScenarioValidator.problems(in: scenario)
        if !semantic.isEmpty { throw .invalid(semantic) }
        return scenario
    }

    /// Loads a scenario from a parsed JSON document after applying `overrides` (as from
    /// `refinery-cli --set`), so that the result is checked exactly like a file. An override
    /// whose path does not exist is reported as a problem at that path; one that sets a field
    /// of an optional object the scenario lacks (`economics.fiscal`) creates the object. An
    /// uncertainty range that no longer contains a base value an override changed is widened
    /// to include it, with a note (``RangeWidening``), so a `--set` never fails because of a range.
    public static func load(json: JSONValue, overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
        if overrides.isEmpty { return try load(json: json, text: nil) }
        let (document, problems) = json.applying(overrides, schema: schema)
        if !problems.isEmpty { throw .invalid(problems) }
        return try load(json: document.wideningUncertaintyRanges(toInclude: json), text: nil)
    }

    /// A scenario file's bytes, refusing files above ``maximumBytes``: opened with `open(2)`,
    /// so a pipe or FIFO (`<(cat x.json)`) reads like a file and each failure keeps its own reason.
    private static func read(_ url: URL) throws(ScenarioError) -> Data {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: openFailureReason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory, not a scenario file") }
        return try data(readingFrom: descriptor, name: path)
    }

    /// Reads everything from an open file, pipe or FIFO, in chunks, and stops as soon as more
    /// than ``maximumBytes`` have arrived (`cat /dev/zero | refinery-cli validate -` ends at
    /// the limit instead of filling memory). `name` is the file's name in messages.
    public static func data(readingFrom descriptor: Int32, name: String) throws(ScenarioError) -> Data {
        let chunk = 1 << 20
        var data = Data()
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
            if status.st_size > maximumBytes { throw .tooLarge(path: name, maximumBytes: maximumBytes) }
            data.reserveCapacity(Int(status.st_size))
        }
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    // A non-blocking descriptor (a parent's pipe, say): wait for more input.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                }
                throw .unreadable(path: name, reason: errno == EBADF ? "it is closed" : reason(errno))
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > maximumBytes { throw .tooLarge(path: name, maximumBytes: maximumBytes) }
        }
    }

    /// Why `open(2)` failed, in words for the person who named the file.
    private static func openFailureReason(_ code: Int32) -> String {
        code == ENXIO ? "it is a socket or a device without a reader, not a file" : reason(code)
    }

    /// The system's words for `code`, lower-cased to follow "cannot read PATH: ".
    private static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return (text.first?.lowercased() ?? "") + text.dropFirst()
    }

    /// The bytes of a JSON text without a leading UTF-8 byte order mark (EF BB BF), which some
    /// editors write and RFC 8259 allows a parser to ignore.
    private static func withoutByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }

    /// The parsed JSON of a scenario file, unchecked (for applying overrides before loading).
    public static func document(contentsOf url: URL) throws(ScenarioError) -> JSONValue {
        let data = withoutByteOrderMark(try read(url))
        do { return try JSONParser.parse(Array(data)) } catch { throw .syntax(error) }
    }

    /// The parsed JSON of scenario bytes (read from a pipe, say), unchecked.
    public static func document(data: Data) throws(ScenarioError) -> JSONValue {
        guard data.count <= maximumBytes else { throw .tooLarge(path: "(data)", maximumBytes: maximumBytes) }
        do { return try JSONParser.parse(Array(withoutByteOrderMark(data))) } catch { throw .syntax(error) }
    }

    /// The text of an embedded scenario exactly as its file in `data/scenarios` holds it, with
    /// every figure's `basis`: what `refinery-cli init` writes for a user to start from.
    public static func embeddedText(named name: String) throws(ScenarioError) -> String {
        guard let text = EmbeddedData.scenarios[name] else {
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "\"\(name)\" is not an embedded scenario; available: \(Scenario.embeddedNames.joined(separator: ", "))")])
        }
        return text
    }

    /// The parsed JSON of an embedded scenario, unchecked.
    public static func embeddedDocument(named name: String) throws(ScenarioError) -> JSONValue {
        guard let text = EmbeddedData.scenarios[name] else {
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "\"\(name)\" is not an embedded scenario; available: \(Scenario.embeddedNames.joined(separator: ", "))")])
        }
        do { return try JSONParser.parse(Array(text.utf8)) } catch { throw .syntax(error) }
    }

    /// The embedded scenario with this name (see ``Scenario/embeddedNames``).
    public static func embedded(named name: String) throws(ScenarioError) -> Scenario {
        guard let text = EmbeddedData.scenarios[name] else {
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "\"\(name)\" is not an embedded scenario; available: \(Scenario.embeddedNames.joined(separator: ", "))")])
        }
        return try load(data: Data(text.utf8))
    }
}

extension Scenario {
    /// The names of the scenarios embedded in the library, the default first.
    public static var embeddedNames: [String] {
        [defaultName] + EmbeddedData.scenarios.keys.filter { $0 != defaultName }.sorted()
    }

    /// The name of the default scenario: the Sénou base case.
    public static let defaultName = "senou-base"

    /// The Sénou base case (data/scenarios/senou-base.json), embedded in the library.
    public static var senouBase: Scenario {
        // The embedded files are validated by the tests; failing here would be a build defect.
        do { return try ScenarioLoader.embedded(named: defaultName) } catch { preconditionFailure("embedded scenario invalid: \(error)") }
    }
}
