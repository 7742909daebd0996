/// A 64-bit fingerprint of a normalized address (SPEC §2: trimmed, lower-cased, NFC), computed
/// straight from the raw field bytes when they are ASCII, so the hot path neither copies nor
/// lower-cases into a buffer.
///
/// Two distinct addresses can share a fingerprint (for ten million addresses the chance that any
/// pair does is about 3·10⁻⁶), so a fingerprint only ever nominates a duplicate: ``PlanScanner``
/// confirms each one by comparing the addresses themselves. A fingerprint is never 0 (0 marks a
/// free slot in ``FingerprintTable``).
enum AddressFingerprint {
    // MARK: - Internal

    /// The fingerprint of already normalized bytes.
    @inline(__always)
    static func of(normalized bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = seed(bytes.count)
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < count { h = mix(h, tail(bytes, from: offset)) }
        return finish(h)
    }

    /// The fingerprint of `raw` as the counting rules normalize it, when `raw` is ASCII: trimmed of
    /// ASCII white space and lower-cased (ASCII is already NFC), with `isEmpty` when nothing is left.
    /// Nil when `raw` holds a non-ASCII byte: normalize through ``FieldNormalizer`` and use
    /// ``of(normalized:)``, which gives the same fingerprint for the same normalized bytes.
    @inline(__always)
    static func ofASCII(_ raw: UnsafeRawBufferPointer) -> (fingerprint: UInt64, isEmpty: Bool)? {
        var start = 0
        var end = raw.count
        while start < end, FieldNormalizer.isASCIISpace(raw[start]) { start += 1 }
        while end > start, FieldNormalizer.isASCIISpace(raw[end - 1]) { end -= 1 }
        let count = end - start
        var h = seed(count)
        var high: UInt64 = 0
        var offset = start
        while offset + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            h = mix(h, lowercased(word))
            offset += 8
        }
        if offset < end {
            // The last bytes, in the low lanes: one load ending at `end` when the field is long enough.
            let word =
                count >= 8
                ? raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) >> (UInt64(8 - (end - offset)) * 8)
                : tail(raw, from: offset, to: end)
            high |= word
            h = mix(h, lowercased(word))
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        return (finish(h), count == 0)
    }

    // MARK: - Private

    private static let lanes: UInt64 = 0x0101_0101_0101_0101

    @inline(__always)
    private static func seed(_ count: Int) -> UInt64 {
        0x9E37_79B9_7F4A_7C15 ^ (UInt64(count) &* 0xFF51_AFD7_ED55_8CCD)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var h = (h ^ word) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }

    /// The murmur3 finalizer, so that both the low bits (slot) and the high bits (partition) of
    /// ``FingerprintTable`` depend on every byte.
    @inline(__always)
    private static func finish(_ h: UInt64) -> UInt64 {
        var h = h
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    /// Eight ASCII bytes with A–Z lower-cased, lane by lane (no carry crosses a lane while every
    /// byte is below 0x80; other words are thrown away by the caller).
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ lanes &* (0x80 - 0x41)
        let aboveZ = word &+ lanes &* (0x80 - 0x5B)
        let upper = atLeastA & ~aboveZ & (lanes &* 0x80)
        return word | (upper >> 2)
    }

    /// The bytes from `from` to `to` (fewer than eight) in the low lanes of a word.
    @inline(__always)
    private static func tail(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int? = nil) -> UInt64 {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for index in from..<(to ?? bytes.count) {
            word |= UInt64(bytes[index]) << shift
            shift += 8
        }
        return word
    }
}
