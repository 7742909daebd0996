import Foundation
import TestSupport
import Testing

@testable import CampaignLog

struct RecordRangeReaderTests {
    let folder = TempFolder()

    /// Every record of `path` as `line: text` (or `line: too long`), read by `RecordReader`.
    func streamed(_ path: String, maxRecordBytes: Int) throws -> [String] {
        let reader = try RecordReader(path: path, displayPath: "f", quoteAware: true, maxRecordBytes: maxRecordBytes)
        var records: [String] = []
        while let record = try reader.next(displayPath: "f") {
            switch record {
            case .record(let bytes, let line): records.append("\(line): \(String(decoding: bytes, as: UTF8.self))")
            case .tooLong(let line): records.append("\(line): too long")
            case .incomplete(let line): records.append("\(line): incomplete")
            }
        }
        return records
    }

    /// The same, read in ranges cut at `cuts` (offsets just past a line feed).
    func ranged(_ path: String, size: Int, cuts: [Int], maxRecordBytes: Int) throws -> [String]? {
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let bounds = [0] + cuts + [size]
        var records: [String] = []
        var shift = 0
        for index in 0..<(bounds.count - 1) {
            var reader = RecordRangeReader(
                fd: fd, range: bounds[index]..<bounds[index + 1], firstLine: 1, maxRecordBytes: maxRecordBytes,
                endsAtFileEnd: index == bounds.count - 2)
            while let record = try reader.next(displayPath: "f") {
                switch record {
                case .record(let bytes, let line, _):
                    records.append("\(line + shift): \(String(decoding: bytes, as: UTF8.self))")
                case .tooLong(let line): records.append("\(line + shift): too long")
                }
            }
            if reader.endedInsideRecord { return nil }
            shift += reader.line - 1
        }
        return records
    }

    @Test(arguments: 0..<40)
    func rangesCutRecordsAsTheStreamingReaderDoes(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        var bytes: [UInt8] = []
        let pieces = ["a", "bc,d", "\"", "\"\"", "\r", "\n", "\n", "\n", ",", "é", String(repeating: "x", count: 70)]
        for _ in 0..<(Int(random.next() % 300)) { bytes += pieces[Int(random.next() % UInt64(pieces.count))].utf8 }
        let path = folder.file("f.csv", bytes)
        let maxRecordBytes = [64, 100, 1 << 20][seed % 3]
        let expected = try streamed(path, maxRecordBytes: maxRecordBytes)
        #expect(try ranged(path, size: bytes.count, cuts: [], maxRecordBytes: maxRecordBytes) == expected)
        // Cut after every line feed in turn: where the cut is at a record's end, the records agree;
        // elsewhere the range reports that it ended inside a record.
        var agreed = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A && offset + 1 < bytes.count {
            guard let records = try ranged(path, size: bytes.count, cuts: [offset + 1], maxRecordBytes: maxRecordBytes)
            else { continue }
            #expect(records == expected, "cut at \(offset + 1)")
            agreed += 1
        }
        #expect(agreed > 0 || !bytes.dropLast().contains(0x0A) || bytes.contains(UInt8(ascii: "\"")))
    }
}
