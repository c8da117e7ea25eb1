package io.github.camelseedance.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One contender's run of the thousands scenario in a fresh JVM, so its thread figures are its own: an unmeasured
 * warm-up burst, the count twice under the clock and thread sampler (cold, then as a running service), then one more
 * weighing the heap each generation in flight holds ({@link HeapInFlight}).
 */
public final class BurstRun {

    static final int WARM_UP = 20;

    private BurstRun() {}

    /**
     * args: contender id, emulator URL, request body, generations per burst, the emulator's latency in ms. The client is
     * not closed: the JVM ends with the run, and closing could wait on exchanges that never got their answer.
     */
    public static void main(String[] args) {
        Jvm.child(() -> {
            Contender contender = Contender.byId(args[0]);
            int count = Integer.parseInt(args[3]);
            Duration latency = Duration.ofMillis(Long.parseLong(args[4]));
            GenerationClient client = contender.open(args[1], args[2].getBytes(StandardCharsets.UTF_8), count);
            Burst warmUp = Burst.send(client, WARM_UP, latency);
            if (warmUp.failed() > 0) {
                System.out.println(warmUp.failed() + " of the warm-up failed, the first: " + warmUp.firstFailure());
            }
            ThreadSampler sampler = ThreadSampler.start(ManagementFactory.getThreadMXBean());
            Burst first = Burst.send(client, count, latency);
            Burst second = Burst.send(client, count, latency);
            sampler.stop();
            Jvm.report("heapPerGeneration", HeapInFlight.perGeneration(client, count, latency));
            report("first", first);
            report("second", second);
            Jvm.report("threadsBefore", sampler.before());
            Jvm.report("peakThreads", sampler.peak());
            Jvm.report("threadsAtPeak", sampler.namesAtPeak());
        });
    }

    private static void report(String name, Burst burst) {
        Jvm.report(name + ".seconds", burst.seconds());
        Jvm.report(name + ".failed", burst.failed());
        if (burst.firstFailure() != null) {
            Jvm.report(name + ".firstFailure", burst.firstFailure());
        }
    }
}
