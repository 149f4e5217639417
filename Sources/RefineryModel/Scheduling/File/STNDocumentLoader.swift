import Foundation

/// Why a State-Task Network file could not be loaded: unreadable, not JSON, or with problems
/// (all listed, each with its JSON path in the file).
public enum STNDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read, or is too large (the reason says which).
    case unreadable(path: String, reason: String)
    /// The text is not valid JSON.
    case syntax(JSONSyntaxError)
    /// The JSON does not describe a valid network; every problem found is listed.
    case invalid([ScenarioProblem])

    /// One line per problem, as the CLI prints them.
    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .syntax(error): return "not valid JSON: \(error)"
        case let .invalid(problems):
            return "invalid State-Task Network (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// The problems, each with its path (one for an unreadable file or a syntax error).
    public var problems: [ScenarioProblem] {
        switch self {
        case .unreadable: return [ScenarioProblem(path: "", value: nil, message: description)]
        case .syntax(let error): return [ScenarioProblem(path: "", value: nil, message: "not valid JSON: \(error)")]
        case .invalid(let problems): return problems
        }
    }
}

/// Reads State-Task Network files (``STNDocument``) in the scenario loader's three passes:
/// strict JSON (line and column of a syntax error, duplicate keys refused), the structure
/// against `stn.schema.json` (wrong types, missing and unknown fields), then the meaning
/// (unique names, references, ranges, times on the grid), every problem with its JSON path.
///
/// ```swift
/// let document = try STNDocumentLoader.load(contentsOf: URL(fileURLWithPath: "data/stn/kondili.json"))
/// let run = try STNRun.solve(document)
/// print(run.report.objective ?? .nan) // 2744.375
/// ```
public enum STNDocumentLoader {
    /// The State-Task Network JSON Schema, as embedded in the library.
    public static let schema: JSONValue = {
        // The embedded schema is checked by the tests; an empty schema here would be a build defect.
        do { return try JSONParser.parse(Array(EmbeddedData.stnSchema.utf8)) } catch { return .object([]) }
    }()

    /// Loads and validates a network file (a pipe or FIFO reads like a file).
    public static func load(contentsOf url: URL) throws(STNDocumentError) -> STNDocument {
        let json: JSONValue
        do { json = try ScenarioLoader.document(contentsOf: url) } catch { throw converted(error) }
        return try load(json: json)
    }

    /// Loads and validates a network from JSON bytes.
    public static func load(data: Data) throws(STNDocumentError) -> STNDocument {
        let json: JSONValue
        do { json = try ScenarioLoader.document(data: data) } catch { throw converted(error) }
        return try load(json: json)
    }

    /// Validates a parsed JSON document and decodes it.
    public static func load(json: JSONValue) throws(STNDocumentError) -> STNDocument {
        let structural = SchemaValidator(schema: schema).problems(in: json)
        if !structural.isEmpty { throw .invalid(structural) }
        let document: STNDocument
        do {
            document = try JSONDecoder().decode(STNDocument.self, from: Data(json.serialized().utf8))
        } catch {
            // The schema and the types are kept in step by tests, so this is a bug if it happens.
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "could not be decoded: \(error)")])
        }
        let problems = document.problems()
        if !problems.isEmpty { throw .invalid(problems) }
        return document
    }

    private static func converted(_ error: ScenarioError) -> STNDocumentError {
        switch error {
        case let .unreadable(path, reason): return .unreadable(path: path, reason: reason)
        case let .tooLarge(path, maximumBytes): return .unreadable(path: path, reason: "it holds more than \(maximumBytes) bytes, the most a file may have")
        case let .syntax(syntax): return .syntax(syntax)
        case let .invalid(problems): return .invalid(problems)
        }
    }
}
