import Foundation

exit(RefineryCLI.run(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard()).rawValue)
