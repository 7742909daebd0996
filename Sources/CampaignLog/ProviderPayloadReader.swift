/// Reads the events of one parsed payload of a provider's format.
protocol ProviderPayloadReader {
    /// Calls `emit` once per outcome; `offset` is where the item starts within the payload's bytes
    /// when it is not the payload itself (an item of a Mailgun events page), for its line number.
    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, _ offset: Int?) throws(E) -> Void) throws(E)
}
