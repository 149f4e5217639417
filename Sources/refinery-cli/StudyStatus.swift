import RefineryModel

/// How the library's study outcomes map onto the command line: errors onto ``CommandError``
/// (exit 65 for invalid data, 1 otherwise) and a campaign's shortfall onto an exit status.
extension CommandError {
    init(_ error: StudyError) {
        self = error.isInvalidData ? .invalidData(error.problems.map(\.description)) : .failure(error.description)
    }

    /// Runs a library study, turning its error into a command error.
    static func mapping<T>(_ body: () throws(StudyError) -> T) throws(CommandError) -> T {
        do { return try body() } catch { throw CommandError(error) }
    }
}

extension ExitStatus {
    /// `failure` (1) when the independent check rejects the schedule (a bug, reported on
    /// stderr); `noSolution` (2) when the campaign is infeasible or the time limit passed before
    /// any schedule was found (the report is still written and says so).
    init(_ problem: ScenarioRun.CampaignProblem?) {
        switch problem {
        case nil: self = .success
        case .violations: self = .failure
        case .infeasible, .noSolution: self = .noSolution
        }
    }
}

extension ScenarioRun {
    /// The exit status the run calls for (see ``ExitStatus/init(_:)``).
    var status: ExitStatus { ExitStatus(campaignProblem) }

    /// What to say on stderr about a non-zero status.
    var statusMessage: String? { campaignProblem?.description }
}
