/// An open-addressing map from 64-bit fingerprints to 64-bit values: 16 bytes an entry, no
/// `String` kept. The latest value inserted for a fingerprint wins.
struct FingerprintMap {
    private var keys: [UInt64]
    private var values: [UInt64]
    private var used: [Bool]
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        values = keys
        used = [Bool](repeating: false, count: 1024)
    }

    /// Sets the value of `key`.
    mutating func insert(_ key: UInt64, _ value: UInt64) {
        let mask = used.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while used[index] {
            if keys[index] == key {
                values[index] = value
                return
            }
            index = (index + 1) & mask
        }
        used[index] = true
        keys[index] = key
        values[index] = value
        count += 1
        if count * 10 > used.count * 7 { grow() }
    }

    /// The value of `key`, if it was inserted.
    func value(_ key: UInt64) -> UInt64? {
        let mask = used.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while used[index] {
            if keys[index] == key { return values[index] }
            index = (index + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let old = (keys, values, used)
        keys = [UInt64](repeating: 0, count: old.2.count * 2)
        values = keys
        used = [Bool](repeating: false, count: old.2.count * 2)
        count = 0
        for index in 0..<old.2.count where old.2[index] { insert(old.0[index], old.1[index]) }
    }
}
