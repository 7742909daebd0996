/// Reads canonical events (the keys of SPEC §2's JSON Lines) laid out as other JSON: pretty-printed
/// objects, arrays of them, arrays back to back. One object per line goes to the JSON Lines reader.
struct CanonicalPayloadReader: ProviderPayloadReader {
    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, Int?) throws(E) -> Void) throws(E) {
        try emit(outcome(payload), nil)
    }

    // MARK: - Private

    private func outcome(_ payload: JSONValue) -> ProviderOutcome {
        guard let object = payload.object else { return .bad("expected a JSON object") }
        for key in ["timestamp", "campaign", "variant", "recipient", "event", "event_id"] {
            if let value = object[key], value.text == nil, !(value.isNull) {
                return .bad("'\(key)' must be a string or a number")
            }
        }
        guard let name = object["event"]?.nonBlankText else { return .bad("missing event") }
        guard let kind = EventKind(name: name.trimmingSpaces) else {
            return .bad("unknown event '\(ProviderText.excerpt(name.trimmingSpaces))'")
        }
        return .event(
            ProviderEvent(
                kind: kind, timestamp: object["timestamp"]?.text, recipient: object["recipient"]?.text,
                campaign: object["campaign"]?.text, variant: object["variant"]?.text, eventID: object["event_id"]?.text)
        )
    }
}
