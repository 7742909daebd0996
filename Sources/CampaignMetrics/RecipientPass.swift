import CampaignLog

/// One pass over a campaign's recipients at the end of a run, turning their ``RecipientState``s
/// into everything that needs per-recipient times: overlap, copies, copy numbers, sends after
/// opt-out, duplicate sends and the timeline's per-event counts. Indexes are local variant indexes.
struct RecipientPass {
    /// Distinct recipients sent each variant.
    var recipientsPerVariant: [Int]
    /// Recipients sent two or more named variants.
    var multiple = 0
    /// `overlap[i][j]`: recipients sent both i and j (named variants only).
    var overlap: [[Int]]
    /// Groups by number of named variants received, index = copies.
    var copies: [CopiesGroup]
    /// Groups by copy number, index = copy number − 1.
    var copyNumbers: [CopiesGroup] = []
    /// Sends after opt-out, see ``AfterOptOutFigures``.
    var optedOut = 0
    var afterRecipients = 0
    var afterSends = 0
    var afterDelays: [Int64] = []
    var afterPerVariant: [(recipients: Int, sends: Int, delays: [Int64])]
    var truncated = 0
    /// Recipients sent some variant more than once; per variant.
    var duplicateRecipients = 0
    var duplicatePerVariant: [Int]
    /// Timeline figures that need exact times.
    var sendsAfterFirstComplaint = 0
    var complaintsAfterLastSend = 0
    var unsubscribesAfterLastSend = 0

    /// Runs the pass over `state`'s recipients; `names` are the variants' names by local index,
    /// which break ties between events at the same instant (so the order of the log never matters).
    init(_ state: CampaignState, names: [String]) {
        let width = state.variantIDs.count
        let unassigned =
            LogSymbols.unassigned < state.localIndex.count ? Int(state.localIndex[Int(LogSymbols.unassigned)]) : -1
        let named = width - (unassigned >= 0 ? 1 : 0)
        recipientsPerVariant = Array(repeating: 0, count: width)
        overlap = Array(repeating: Array(repeating: 0, count: width), count: width)
        copies = (0...named).map { CopiesGroup(copies: $0) }
        afterPerVariant = Array(repeating: (0, 0, []), count: width)
        duplicatePerVariant = Array(repeating: 0, count: width)

        var overflow: [Int32: [Int]] = [:]
        for pair in state.sentOverflow {
            overflow[Int32(bitPattern: UInt32(pair >> 32)), default: []].append(Int(pair & 0xFFFF_FFFF))
        }
        let firstComplaint = state.firstComplaint.map(Mark.clamp) ?? Int64.max
        let lastSend = state.lastSend.map(Mark.clamp) ?? Int64.max
        var scratch = Scratch(width: width)
        // Marks sort by time, then kind, then the variant's name: the local index a variant got
        // from its first appearance in the log must not decide which copy came first.
        let byName = names.indices.sorted { names[$0] < names[$1] }
        var rank = Array(repeating: 0, count: width)
        for (position, local) in byName.enumerated() { rank[local] = position }
        for (recipient, person) in state.recipients {
            scratch.sentLocals(person, overflow[recipient])
            countSent(person, scratch.locals, unassigned: unassigned)
            if person.truncated { truncated += 1 }
            scratch.marks.removeAll(keepingCapacity: true)
            person.forEachMark { scratch.marks.append(($0, $1)) }
            // Marks come sorted by time, kind and local index; only ties need the names' order.
            scratch.marks.sort { Mark.byTimeKindAndName($0.mark, $1.mark, rank: rank) }
            for (mark, weight) in scratch.marks {
                let time = Mark.time(mark)
                switch Mark.kind(mark) {
                case .send where time > firstComplaint: sendsAfterFirstComplaint += weight
                case .complaint where time > lastSend: complaintsAfterLastSend += weight
                case .unsubscribe where time > lastSend: unsubscribesAfterLastSend += weight
                default: break
                }
            }
            countDuplicates(person, &scratch)
            countAfterOptOut(person, &scratch)
            countCopyNumbers(&scratch, unassigned: unassigned)
        }
    }

    // MARK: - Private

    /// Reusable per-recipient buffers.
    private struct Scratch {
        var locals: [Int] = []
        /// A recipient's marks and the number of events each stands for.
        var marks: [(mark: Int64, weight: Int)] = []
        var perVariant: [Int64]
        var ordinal: [Int]
        var touched: [Int] = []

        init(width: Int) {
            perVariant = Array(repeating: 0, count: width)
            ordinal = Array(repeating: 0, count: width)
        }

        /// The local indexes sent to a recipient, ascending.
        mutating func sentLocals(_ person: RecipientState, _ overflow: [Int]?) {
            locals.removeAll(keepingCapacity: true)
            var bits = person.sentMask
            while bits != 0 {
                locals.append(bits.trailingZeroBitCount)
                bits &= bits - 1
            }
            if let overflow { locals.append(contentsOf: overflow.sorted()) }
        }
    }

    /// Recipients per variant, overlap, copies.
    private mutating func countSent(_ person: RecipientState, _ locals: [Int], unassigned: Int) {
        guard person.wasSent else {
            if person.optOut != .max { optedOut += 1 }
            return
        }
        if person.optOut != .max { optedOut += 1 }
        var count = 0
        for local in locals {
            recipientsPerVariant[local] += 1
            guard local != unassigned else { continue }
            count += 1
            for other in locals where other != unassigned { overlap[local][other] += 1 }
        }
        if count >= 2 { multiple += 1 }
        if Int(person.sends) > locals.count { duplicateRecipients += 1 }
        copies[count].recipients += 1
        copies[count].sends += Int(person.sends)
        copies[count].delivered += Int(person.delivered)
        copies[count].complaints += Int(person.complaints)
        copies[count].unsubscribes += Int(person.unsubscribes)
        if person.complaints > 0 { copies[count].complainants += 1 }
        if person.unsubscribes > 0 { copies[count].unsubscribers += 1 }
    }

    /// Per variant: recipients with two or more sends of it (from the sorted marks).
    private mutating func countDuplicates(_ person: RecipientState, _ scratch: inout Scratch) {
        guard Int(person.sends) > 1 else { return }
        scratch.touched.removeAll(keepingCapacity: true)
        for (mark, weight) in scratch.marks where Mark.kind(mark) == .send {
            let local = Mark.variant(mark)
            if scratch.perVariant[local] == 0 { scratch.touched.append(local) }
            scratch.perVariant[local] += Int64(weight)
        }
        for local in scratch.touched {
            if scratch.perVariant[local] > 1 { duplicatePerVariant[local] += 1 }
            scratch.perVariant[local] = 0
        }
    }

    /// Sends later than the recipient's earliest opt-out, and the delays to the first of them.
    private mutating func countAfterOptOut(_ person: RecipientState, _ scratch: inout Scratch) {
        let optOut = person.optOut
        guard optOut != .max else { return }
        scratch.touched.removeAll(keepingCapacity: true)
        var first: Int64? = nil
        for (mark, weight) in scratch.marks where Mark.kind(mark) == .send && Mark.time(mark) > optOut {
            let local = Mark.variant(mark)
            let delay = Mark.time(mark) - optOut
            if first == nil { first = delay }
            afterSends += weight
            afterPerVariant[local].sends += weight
            if !scratch.touched.contains(local) {
                scratch.touched.append(local)
                afterPerVariant[local].recipients += 1
                afterPerVariant[local].delays.append(delay)
            }
        }
        if let first {
            afterRecipients += 1
            afterDelays.append(first)
        }
    }

    /// Numbers each named variant a recipient received by its first send, and adds the
    /// recipient's events of that variant to the group of that copy number.
    private mutating func countCopyNumbers(_ scratch: inout Scratch, unassigned: Int) {
        scratch.touched.removeAll(keepingCapacity: true)
        for (mark, _) in scratch.marks where Mark.kind(mark) == .send {
            let local = Mark.variant(mark)
            guard local != unassigned, scratch.ordinal[local] == 0 else { continue }
            scratch.touched.append(local)
            scratch.ordinal[local] = scratch.touched.count
        }
        while copyNumbers.count < scratch.touched.count {
            copyNumbers.append(CopiesGroup(copies: copyNumbers.count + 1))
        }
        for index in scratch.touched.indices { copyNumbers[index].recipients += 1 }
        var complained: UInt64 = 0
        var unsubscribed: UInt64 = 0
        for (mark, weight) in scratch.marks {
            let number = scratch.ordinal[Mark.variant(mark)]
            guard number > 0 else { continue }
            switch Mark.kind(mark) {
            case .send: copyNumbers[number - 1].sends += weight
            case .delivered: copyNumbers[number - 1].delivered += weight
            case .complaint:
                copyNumbers[number - 1].complaints += weight
                complained |= 1 << UInt64(number - 1)
            case .unsubscribe:
                copyNumbers[number - 1].unsubscribes += weight
                unsubscribed |= 1 << UInt64(number - 1)
            }
        }
        for index in scratch.touched.indices {
            if complained & (1 << UInt64(index)) != 0 { copyNumbers[index].complainants += 1 }
            if unsubscribed & (1 << UInt64(index)) != 0 { copyNumbers[index].unsubscribers += 1 }
        }
        for local in scratch.touched { scratch.ordinal[local] = 0 }
    }
}
