#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AftermailCLI

exit(Aftermail.run(Array(CommandLine.arguments.dropFirst())))
