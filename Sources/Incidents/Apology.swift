/// The public apology of an incident bundle (`apology.md`).
///
/// Front matter is optional; its keys are `subject`, `sent_at` (YYYY-MM-DD or RFC 3339 with an
/// offset, kept as written) and `audience` (who is owed it: see ``ApologyAudience``). Unknown keys
/// are errors.
public struct Apology: Sendable, Equatable {
    /// Site-relative path, e.g. `content/incidents/x/apology.md`.
    public var sourcePath: String
    /// The subject line of the apology email.
    public var subject: String?
    /// When the apology was sent, as written.
    public var sentAt: String?
    /// Who the apology is for (default: recipients of more than one variant).
    public var audience: ApologyAudience = .multipleVariants
    /// The Markdown after the front matter.
    public var body: String
    /// 1-based line of the file where `body` starts.
    public var bodyLine: Int

    /// Creates an apology.
    public init(sourcePath: String, subject: String? = nil, sentAt: String? = nil, body: String, bodyLine: Int) {
        self.sourcePath = sourcePath
        self.subject = subject
        self.sentAt = sentAt
        self.body = body
        self.bodyLine = bodyLine
    }

    /// The keys allowed in the apology's front matter.
    public static let keys = ["subject", "sent_at", "audience"]
}

/// Who an apology is owed to: the people `apology-recipients.csv` lists.
public enum ApologyAudience: String, Sendable, Equatable, CaseIterable {
    /// Everyone who received more than one variant of a test (the default).
    case multipleVariants = "multiple_variants"
    /// Everyone the campaign was sent to.
    case allRecipients = "all_recipients"
    /// Everyone who complained.
    case complainants
    /// Everyone sent something after their own complaint or unsubscribe.
    case sentAfterOptOut = "sent_after_opt_out"
}
