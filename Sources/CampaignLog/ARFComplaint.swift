/// A complaint read from an ARF report, held until the end of the run.
struct ARFComplaint {
    var recipient: String
    var timestamp: Timestamp?
    /// The first date given, shown when none could be parsed.
    var rawDate: String?
    /// The original message's Message-ID, without angle brackets.
    var messageID: String?
    var campaign: String?
    var variant: String?
    var eventID: String?
    /// Where the report is: set by the reader of the file.
    var path = ""
    var line = 1
}
