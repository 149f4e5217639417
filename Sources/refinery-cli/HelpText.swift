import RefineryModel

/// Help screens rendered from command specifications.
enum HelpText {
    static let exitStatuses = """
        EXIT STATUS
          0   success
          1   failure (the solver failed)
          2   no solution: infeasible, or none found within the time limit (the report says so)
          64  usage error (also: --output names the scenario being read)
          65  invalid input data (every problem is listed with its JSON path; a scenario over 512 MiB)
          66  the scenario cannot be read: no such file, a directory, permission denied, stdin closed
          73  the output file (--output, init's FILE) cannot be created or is refused (see OUTPUT FILE)
          74  I/O error while reading or writing: a full disk, a closed or broken standard output

        """

    /// How `--output` treats what stands at its path (shown by the commands that have it).
    static let outputRules = """
        OUTPUT FILE
          --output - is standard output. A regular file is replaced atomically: a temporary
          .rfm-XXXXXX beside it gets its mode and owner, is flushed to disk and renamed over it;
          a new file gets mode 0666 less the umask. A symbolic link's target is written (created
          if the link dangles); the link stays. A character device, FIFO or socket is written in
          place, never replaced. Refused, and left as they are (exit 73): a directory, a block
          device, a read-only file, a file whose owner cannot be kept; and the scenario being
          read, under any name (exit 64). SIGINT or SIGTERM during the write leaves no
          temporary file.

        """

    static func overview(commands: [CommandSpec]) -> String {
        var text = """
            refinery-cli: throughput, batch scheduling and valuation of a gold refinery.

            USAGE
              refinery-cli <command> [options]
              refinery-cli --help | --version
              refinery-cli help <command>

            COMMANDS

            """
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            text += "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        return text + "\n" + scenarios + "\n" + exitStatuses
    }

    /// How a command names its scenario: the rule of ``ScenarioInput/document(reference:)``.
    static var scenarios: String {
        """
        SCENARIOS
          A scenario argument is a file ('-' reads standard input) or, when no file has that
          name, an embedded scenario: \(Scenario.embeddedNames.joined(separator: ", ")).
          Every command that reads one also takes --scenario NAME; without either, \(Scenario.defaultName).
          Start one of your own with: refinery-cli init my-refinery.json [--from NAME]

        """
    }

    /// The width of the name column of ARGUMENTS and OPTIONS.
    static let nameWidth = 28

    /// A name and its help as one line, the help starting at ``nameWidth``; a name that does
    /// not leave two spaces before that column gets a line of its own, and the help goes on the
    /// next line at the column, so the two never run into each other.
    static func column(_ name: String, _ help: String) -> String {
        if name.count + 2 <= nameWidth { return name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + help + "\n" }
        return name + "\n" + String(repeating: " ", count: nameWidth + 2) + help + "\n"
    }

    static func render(_ spec: CommandSpec) -> String {
        var text = "\(spec.summary)\n\nUSAGE\n  \(spec.usage)\n"
        if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
        if !spec.positionals.isEmpty {
            text += "\nARGUMENTS\n"
            for positional in spec.positionals {
                text += "  " + column(positional.name, positional.help)
            }
        }
        text += "\nOPTIONS\n"
        for option in spec.options + [.flag("help", short: "h", help: "Show this help.")] {
            var left = option.short.map { "-\($0), " } ?? "    "
            left += "--\(option.long)" + (option.valueName.map { " \($0)" } ?? "")
            text += "  " + column(left, option.help)
        }
        if spec.options.contains(where: { $0.long == "output" }) { text += "\n" + outputRules }
        return text + "\n" + exitStatuses
    }
}
