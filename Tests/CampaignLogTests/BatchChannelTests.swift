import Testing

@testable import CampaignLog

/// The hand-over between a concurrent read's stages: order kept, the putter held back while the
/// channel is full, the taker told when it is closed and drained.
struct BatchChannelTests {
    @Test(.timeLimit(.minutes(1))) func batchesArriveInOrderThroughAChannelOfOne() async {
        let channel = BatchChannel<Int>(capacity: 1)
        async let received: [Int] = {
            var all: [Int] = []
            while let batch = await channel.take() { all.append(batch) }
            return all
        }()
        for batch in 0..<10_000 { await channel.put(batch) }
        channel.close()
        #expect(await received == Array(0..<10_000))
    }

    @Test(.timeLimit(.minutes(1))) func aFullChannelHoldsThePutterUntilATake() async {
        let channel = BatchChannel<Int>(capacity: 2)
        let progress = Progress()
        await channel.put(1)
        await channel.put(2)
        let putter = Task {
            await channel.put(3)
            await progress.mark()
        }
        // The putter cannot finish while the channel is full.
        for _ in 0..<100 { await Task.yield() }
        #expect(await progress.marked == false)
        #expect(await channel.take() == 1)
        await putter.value
        #expect(await progress.marked)
        channel.close()
        #expect(await channel.take() == 2)
        #expect(await channel.take() == 3)
        #expect(await channel.take() == nil)
        #expect(await channel.take() == nil, "a closed, drained channel stays so")
    }

    @Test(.timeLimit(.minutes(1))) func aWaitingTakerIsToldOfTheClose() async {
        let channel = BatchChannel<[Int]>(capacity: 4)
        let taker = Task { await channel.take() }
        for _ in 0..<100 { await Task.yield() }
        channel.close()
        #expect(await taker.value == nil)
    }

    actor Progress {
        var marked = false
        func mark() { marked = true }
    }
}
