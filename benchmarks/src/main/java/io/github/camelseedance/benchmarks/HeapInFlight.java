package io.github.camelseedance.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What each generation in flight costs in heap: live heap after a collection, with a burst in flight, less the same
 * before it, over the number still waiting for their answer when measured. A burst of its own, after the timed ones,
 * so the collections it forces fall on no measured time.
 */
final class HeapInFlight {

    /** How long after the last start the heap is read: well within the emulator's latency, so all still wait. */
    static final Duration SETTLE = Duration.ofMillis(300);

    private HeapInFlight() {}

    /** Bytes of heap per generation in flight. */
    static long perGeneration(GenerationClient client, int count, Duration latency) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        List<CompletableFuture<String>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(client.generate());
        }
        Thread.sleep(SETTLE.toMillis());
        memory.gc();
        long during = memory.getHeapMemoryUsage().getUsed();
        long waiting = sent.stream().filter(answer -> !answer.isDone()).count();
        for (CompletableFuture<String> answer : sent) {
            try {
                answer.get(latency.plus(Burst.GRACE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception failedOrLate) {
                // counted by the timed bursts; this one only weighs the heap
            }
        }
        return waiting == 0 ? 0 : (during - before) / waiting;
    }
}
