import Foundation

StandardStreams.prepare()
exit(RefineryCLI.run(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard()).rawValue)
