/// Help screens rendered from command specifications.
enum HelpText {
    static let exitStatuses = """
        EXIT STATUS
          0   success
          1   failure (a file could not be read or written, the solver failed)
          2   no solution: infeasible, or none found within the time limit (the report says so)
          64  usage error
          65  invalid input data (every problem is listed with its JSON path)

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
        return text + "\n" + exitStatuses
    }

    static func render(_ spec: CommandSpec) -> String {
        var text = "\(spec.summary)\n\nUSAGE\n  \(spec.usage)\n"
        if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
        if !spec.positionals.isEmpty {
            text += "\nARGUMENTS\n"
            for positional in spec.positionals {
                text += "  \(positional.name.padding(toLength: 24, withPad: " ", startingAt: 0))\(positional.help)\n"
            }
        }
        text += "\nOPTIONS\n"
        for option in spec.options + [.flag("help", short: "h", help: "Show this help.")] {
            var left = option.short.map { "-\($0), " } ?? "    "
            left += "--\(option.long)" + (option.valueName.map { " \($0)" } ?? "")
            let padded = left.count < 28 ? left.padding(toLength: 28, withPad: " ", startingAt: 0) : left + "  "
            text += "  \(padded)\(option.help)\n"
        }
        return text + "\n" + exitStatuses
    }
}
