#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opening a log for reading, shared by the readers: a clear error for a missing file or a folder.
enum LogFileDescriptor {
    /// A read-only descriptor for `path`; the caller closes it.
    static func open(path: String, displayPath: String) throws(LogError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY)
        guard fd >= 0 else {
            throw LogError(path: displayPath, line: nil, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw LogError(path: displayPath, line: nil, message: "is a folder, not a log file")
        }
        return fd
    }
}

/// The value of four hexadecimal digits (a JSON `\\u` escape), or nil when one is not a hex digit.
enum HexDigits {
    static func value(_ bytes: UnsafeRawBufferPointer, at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
