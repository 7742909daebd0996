import Testing

// Replaced by real tests as the module lands.
@Test func placeholder() { #expect(1 + 1 == 2) }
