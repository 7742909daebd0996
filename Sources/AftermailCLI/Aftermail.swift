import ArgumentParser

/// The `aftermail` command: campaign post-mortems from event logs and Markdown notes.
public struct Aftermail: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "aftermail",
        abstract: "Turn an email campaign's event logs and incident notes into a published post-mortem."
    )

    public init() {}
}
