/// The addresses a plan scan matches its recipients against (a suppression list), with a
/// ``FingerprintFilter`` of their fingerprints in front, so that a row is looked up in the
/// table only when its fingerprint may be there.
struct PlanSuppressions: Sendable {
    /// The addresses, normalized.
    let addresses: SymbolTable
    /// Their fingerprints, as ``PlanRowParser`` hands them out.
    let filter: FingerprintFilter

    /// The suppressions of `addresses`, fingerprinted keeping the bits of `fingerprintMask`.
    init(_ addresses: SymbolTable, fingerprintMask: UInt64) {
        self.addresses = addresses
        let fingerprints = addresses.names.lazy.map { name in
            var name = name
            return name.withUTF8 { bytes in
                PlanRowParser.kept(
                    AddressFingerprint.of(normalized: UnsafeRawBufferPointer(bytes)), mask: fingerprintMask)
            }
        }
        filter = FingerprintFilter(fingerprints, count: addresses.count)
    }
}
