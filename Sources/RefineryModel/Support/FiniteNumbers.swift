import Foundation

/// A report holds a number that is not finite (NaN or ±infinity): some computation overflowed
/// or divided by zero. Reports never carry such numbers; this says where it was found.
public struct NonFiniteNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was checked, e.g. "the run report".
    public var report: String
    /// The JSON path of the number in the report, e.g. `valuation.summary.projectNPVUsd`.
    public var path: String

    /// The error for the number at `path` of `report`.
    public init(report: String, path: String) {
        self.report = report
        self.path = path
    }

    /// For people: where the number is, and what it means for the scenario.
    public var description: String {
        "\(report): \(path.isEmpty ? "a number" : path) is not a finite number (a computation overflowed); "
            + "the scenario's figures are out of proportion to each other"
    }
}

/// Checks that everything a report encodes is finite, before it is shown in any format.
public enum FiniteNumbers {
    /// Throws ``NonFiniteNumberError`` naming the first NaN or infinity in `value` (as encoded
    /// to JSON, so the path is the one a reader of the JSON report sees).
    public static func check(_ value: some Encodable, report: String) throws(NonFiniteNumberError) {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .throw
        do {
            _ = try encoder.encode(value)
        } catch let EncodingError.invalidValue(_, context) {
            throw NonFiniteNumberError(report: report, path: path(context.codingPath))
        } catch {
            return // other encoding failures are reported when the report itself is written
        }
    }

    /// `a.b[2].c` from coding keys.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }
}
