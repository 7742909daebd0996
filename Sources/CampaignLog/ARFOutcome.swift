/// What one ARF report comes to.
enum ARFOutcome {
    /// A complaint, to be matched to its variant at the end of the run.
    case complaint(ARFComplaint)
    /// A report of a kind Aftermail does not count (`not-spam`, `auth-failure`...).
    case ignored
    /// A message that cannot be read as a report, and why.
    case bad(String)
}
