import RefineryModel

/// The command line: finds the subcommand, parses its arguments, runs it, and turns every
/// outcome into an exit status. Pure apart from the console and the files it is asked to read
/// and write, so tests run it in-process.
enum RefineryCLI {
    static let version = ReportTool.packageVersion

    /// The subcommands, in the order help lists them.
    static let commands: [Command] = [
        RunCommand.command, ScheduleCommand.command, ValueCommand.command, ValidateCommand.command, SweepCommand.command,
        CompareCommand.command, InitCommand.command, SchemaCommand.command, BenchCommand.command, StnCommand.command,
    ]

    /// Runs a command line; a failed write to standard output (a full disk, a closed or
    /// broken pipe) overrides the command's status with exit 74 and is reported on stderr.
    static func run(arguments: [String], console: Console) -> ExitStatus {
        let status = dispatch(arguments: arguments, console: console)
        if let failure = console.outputFailure {
            console.error("Error: \(failure.message)\n")
            return failure.status
        }
        return status
    }

    private static func dispatch(arguments: [String], console: Console) -> ExitStatus {
        if arguments.first == "--version" {
            console.out("refinery-cli \(version) (GLPK \(GLPKSolver.version))\n")
            return .success
        }
        if arguments.isEmpty || arguments[0].hasPrefix("-") && !["--help", "-h"].contains(arguments[0]) {
            // A slip for --version is not an option of the default command.
            if let first = arguments.first, first.hasPrefix("--"), let near = nearTopLevelOption(first) {
                return report(UsageError(message: "unknown option '\(first)' (did you mean '--\(near)'?)", usage: topLevelUsage), console: console)
            }
            // No command, or options only: the default command, `run`.
            return dispatch(arguments: ["run"] + arguments, console: console)
        }
        if ["--help", "-h", "help"].contains(arguments[0]) {
            guard arguments.count > 1 else {
                console.out(HelpText.overview(commands: commands.map(\.spec)))
                return .success
            }
            guard let command = command(named: arguments[1]) else { return report(unknownCommand(arguments[1]), console: console) }
            console.out(HelpText.render(command.spec))
            return .success
        }
        guard let command = command(named: arguments[0]) else { return report(unknownCommand(arguments[0]), console: console) }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(HelpText.render(command.spec))
            return .success
        }
        do {
            let parsed = try ArgumentParser.parse(rest, spec: command.spec)
            // The output's identity is taken before the command reads anything, so that an
            // input that is the output is refused before any work (and before any write).
            let target = try Output.path(parsed).flatMap(FileIdentity.init(regularFileAt:))
            return try Output.$target.withValue(target) { try command.run(parsed, console) }
        } catch let error as UsageError {
            return report(error, console: console)
        } catch let error as FileError {
            if error.status == .ioError, console.outputFailure != nil { return error.status } // reported by run(arguments:console:)
            console.error("Error: \(error.message)\n")
            return error.status
        } catch let error as CommandError {
            if case let .invalidData(problems) = error {
                console.error("Error: invalid scenario (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n")
                // One line per problem, whatever its value holds (a raw line break would split it).
            for problem in problems { console.error("  \(TerminalText.escapingControlCharacters("\(problem)", keepingNewlines: false))\n") }
            } else {
                console.error("Error: \(error.description)\n")
            }
            return error.status
        } catch {
            console.error("Error: \(error)\n")
            return .failure
        }
    }

    static func command(named name: String) -> Command? {
        commands.first { $0.spec.name == name }
    }

    /// The usage line of the program itself.
    static let topLevelUsage = "refinery-cli <command> [options]; see 'refinery-cli --help'"

    /// An unknown command, with the nearest command's name when it is a near miss (the rule of
    /// ``ArgumentParser/closest(to:among:)``, as for options).
    static func unknownCommand(_ name: String) -> UsageError {
        let nearest = ArgumentParser.closest(to: name, among: commands.map(\.spec.name)).map { " (did you mean '\($0)'?)" } ?? ""
        return UsageError(message: "unknown command '\(name)'\(nearest)", usage: topLevelUsage)
    }

    /// `version` or `help` when `token` (`--versoin`) is a near miss for it and not an option of
    /// the default command, `run`.
    static func nearTopLevelOption(_ token: String) -> String? {
        var name = String(token.dropFirst(2))
        if let equals = name.firstIndex(of: "=") { name = String(name[..<equals]) }
        guard RunCommand.spec.option(named: name) == nil else { return nil }
        let runOptions = RunCommand.spec.options.map(\.long)
        guard let nearest = ArgumentParser.closest(to: name, among: runOptions + ["version", "help"]),
              ["version", "help"].contains(nearest) else { return nil }
        return nearest
    }

    static func report(_ error: UsageError, console: Console) -> ExitStatus {
        console.error("Error: \(error.message)\n")
        if let usage = error.usage { console.error("Usage: \(usage)\n") }
        return .usage
    }
}
