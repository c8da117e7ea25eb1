package io.github.camelseedance.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import io.github.camelseedance.emulator.SeedanceEmulator;

/**
 * One run of the overhead scenario, in a JVM of its own: every contender against one emulator with no latency in this
 * JVM, one call at a time from one thread. The contenders alternate in rounds so that drift (JIT, GC, a neighbour's
 * load) falls on all of them.
 */
public final class OverheadRun {

    private OverheadRun() {}

    /** args: warm-up calls, rounds, calls per round, the request body. */
    public static void main(String[] args) {
        Jvm.child(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int warmUp = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        byte[] body = args[3].getBytes(StandardCharsets.UTF_8);
        Map<Contender, GenerationClient> clients = new EnumMap<>(Contender.class);
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .apiKey(EmulatorProcess.API_KEY)
                .fixedClip()
                .build()
                .start()) {
            for (Contender contender : Contender.values()) {
                // one call at a time: the library's own default total of 25 is more than enough
                clients.put(contender, contender.open(emulator.baseUrl(), body, 25));
            }
            for (GenerationClient client : clients.values()) {
                time(client, new long[warmUp], 0, warmUp);
            }
            Map<Contender, long[]> times = new EnumMap<>(Contender.class);
            Map<Contender, Long> totals = new EnumMap<>(Contender.class);
            for (Contender contender : Contender.values()) {
                times.put(contender, new long[rounds * calls]);
                totals.put(contender, 0L);
            }
            for (int round = 0; round < rounds; round++) {
                emulator.reset(); // its records of every request would otherwise grow for the whole run
                // the order turns each round, so that no contender always follows the same one
                Contender[] order = Contender.values();
                for (int turn = 0; turn < order.length; turn++) {
                    Contender contender = order[(round + turn) % order.length];
                    // each contender's round starts clean, so none pays for the garbage of the one before
                    System.gc();
                    long took = time(clients.get(contender), times.get(contender), round * calls, calls);
                    totals.merge(contender, took, Long::sum);
                }
            }
            for (Contender contender : Contender.values()) {
                Jvm.report(contender.id + ".medianMicros", median(times.get(contender)) / 1e3);
                Jvm.report(contender.id + ".perSecond", rounds * calls / (totals.get(contender) / 1e9));
            }
            for (GenerationClient client : clients.values()) {
                client.close();
            }
        }
    }

    /** Records each call's nanoseconds into {@code times} from {@code offset}; returns the wall time of all. */
    private static long time(GenerationClient client, long[] times, int offset, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long callStart = System.nanoTime();
            String url = client.generate().join();
            times[offset + i] = System.nanoTime() - callStart;
            if (!url.startsWith("http")) {
                throw new IllegalStateException("Expected a video URL, got " + url);
            }
        }
        return System.nanoTime() - start;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
