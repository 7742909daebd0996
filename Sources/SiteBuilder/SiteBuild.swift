import CampaignLog
import CampaignMetrics
import Foundation
import Incidents
import Rendering

/// `aftermail build`: a visible list of named steps from the site folder to `output/`.
///
/// Every step but the last works on values; only the last writes, into a staging folder that
/// replaces `output/` once complete, so a failed build leaves the previous site as it was.
public struct SiteBuild: Sendable {
    // MARK: - Public API

    /// What to build.
    public let options: BuildOptions

    /// A build of the site the options name.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// The steps, in order, by name.
    public static let stepNames = steps.map(\.name)

    /// Runs every step, reporting `[n/N] Step name` through `progress`, and the events read so
    /// far (about every 65,536) through `logProgress`.
    /// - Throws: ``BuildError`` naming the step that failed and every problem it found.
    public func run(
        progress: (String) -> Void = { _ in }, logProgress: ((_ file: String, _ eventsRead: Int) -> Void)? = nil
    ) async throws(BuildError) -> BuildSummary {
        var state = BuildState(options: options)
        state.logProgress = logProgress
        for (index, step) in Self.steps.enumerated() {
            progress("[\(index + 1)/\(Self.steps.count)] \(step.name)")
            try await step.perform(on: &state)
        }
        return state.summary
    }

    // MARK: - Internal

    /// The steps up to the figures, which `aftermail check` runs too (``SiteCheck``).
    static let figureSteps: [BuildStep] = [
        BuildStep(name: "Load settings and incidents", run: BuildState.loadContent),
        BuildStep(name: "Read logs and compute figures", run: BuildState.computeFigures),
    ]

    // MARK: - Private

    /// The pipeline (DESIGN.md rule 2): a literal list of named steps.
    private static let steps: [BuildStep] =
        figureSteps + [
            BuildStep(name: "Render pages", run: BuildState.renderPages),
            BuildStep(name: "Check pages for recipient addresses", run: BuildState.checkForAddresses),
            BuildStep(name: "Write the private lists", run: BuildState.writePrivateLists),
            BuildStep(name: "Write the site", run: BuildState.writeSite),
        ]
}

/// One named step of the build.
struct BuildStep: Sendable {
    let name: String
    let run: @Sendable (inout BuildState) async throws(StepFailure) -> Void

    /// Runs the step; its failure comes back as a ``BuildError`` naming it.
    func perform(on state: inout BuildState) async throws(BuildError) {
        do {
            try await run(&state)
        } catch {
            throw BuildError(step: name, problems: error.problems)
        }
    }
}

/// What a step found wrong: one formatted line a problem.
struct StepFailure: Error {
    var problems: [String]

    init(_ problems: [String]) { self.problems = problems }
    init(_ problem: String) { self.problems = [problem] }
}
