/// The tool that wrote a report: its name, version and the GLPK version it solved with. Every
/// JSON report carries it, so a report read later says what produced it. A library caller's
/// report names the same tool as the CLI's, so the two are byte for byte the same.
public struct ReportTool: Codable, Sendable, Equatable {
    /// The version of this package (and of `refinery-cli`).
    public static let packageVersion = "0.1.0"

    /// `refinery-cli`: the name reports are written under, whoever calls the library.
    public var name = "refinery-cli"
    /// ``packageVersion``.
    public var version = ReportTool.packageVersion
    /// The GLPK library's version (``GLPKSolver/version``).
    public var glpk = GLPKSolver.version

    /// This package's tool entry.
    public init() {}
}
