import CampaignLog
import CampaignMetrics
import FuzzSupport

/// Any log, through format detection and the whole run, figures and their JSON included: what
/// `aftermail metrics` does with a file it is given.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    guard let run = try? MetricsRun.read(files: [(path, "fuzz.log")], options: LogReadOptions(maxRecordBytes: 4096))
    else { return 0 }
    let json = run.report.json
    precondition(json.hasPrefix("{") && json.hasSuffix("}\n"), "metrics JSON is not an object")
    precondition(run.report.eventsRead == run.reading.eventsRead)
    return 0
}
