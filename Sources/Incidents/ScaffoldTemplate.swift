// MARK: - Internal

/// The text of the files `IncidentScaffold` writes.
enum ScaffoldTemplate {
    /// The post-mortem sections, in order, each with its one-line prompt.
    static let sections: [(heading: String, prompt: String)] = [
        ("Summary", "What happened, to whom, and how it ended, in three sentences."),
        ("Impact", "Who was affected and how much: recipients, variants, complaints, unsubscribes."),
        ("Timeline", "Times in UTC, from the first send to the all-clear."),
        ("Root cause", "Why it happened: the mechanism, not the person."),
        ("Detection", "How we found out, and how we could have found out sooner."),
        ("Response", "What we did to stop it and to repair it, including the apology."),
        ("Action items", "What changes now, who owns each change, and by when."),
        ("Lessons learned", "What went well, what went badly, where we were lucky."),
    ]

    /// `index.md`: draft front matter dated `day`, then every section.
    static func index(day: String) -> String {
        var text = """
            ---
            title: "TODO: what went wrong, in one line"
            date: \(day)
            status: draft
            severity:   # e.g. minor, major, critical
            owner:      # who writes and follows up this post-mortem
            tags: []
            summary:    # one line for the index and the feed
            campaign:   # the campaign id in the logs; empty means every campaign in logs/
            ---

            """
        for section in sections {
            text += "\n## \(section.heading)\n\n\(section.prompt)\n"
        }
        return text
    }

    /// `apology.md`: subject, an empty `sent_at`, and a short skeleton.
    static let apology = """
        ---
        subject: "TODO: we got something wrong, and we are sorry"
        sent_at:    # when the apology went out, e.g. 2026-09-12T09:00:00Z
        ---

        Hello,

        On TODO, we sent you TODO. That was our mistake, and we are sorry.

        What happened: TODO, in plain words.

        What we are doing about it: TODO.

        You do not need to do anything. TODO: how to reach us with questions.

        """
}
