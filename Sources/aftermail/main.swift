import AftermailCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(await Aftermail.run(Array(CommandLine.arguments.dropFirst())))
