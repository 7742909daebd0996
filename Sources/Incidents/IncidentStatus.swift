/// Whether an incident is built by default (`published`) or only with `--drafts` (`draft`).
public enum IncidentStatus: String, Sendable {
    /// Work in progress: skipped unless drafts are asked for.
    case draft
    /// Built and listed (the default).
    case published
}
