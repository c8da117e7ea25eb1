package io.github.camelseedance.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Every count the harness uses, each overridable by a system property ({@code -Dbench.runs=1 -Dbench.thousands=50,200}
 * makes a smoke run of a minute or two; blank means the default). {@code runs}: fresh JVMs per client and scenario;
 * {@code bursts}: generations started at once, the first judged against the latency, the others against floor (a).
 */
record Settings(
        int runs,
        int overheadWarmUp,
        int overheadRounds,
        int overheadCallsPerRound,
        List<Integer> bursts,
        Duration latency,
        long videoBytes,
        int startupLaunches) {

    static Settings fromSystemProperties() {
        return new Settings(
                integer("bench.runs", 3),
                integer("bench.overhead.warmUp", 3_000),
                integer("bench.overhead.rounds", 6),
                integer("bench.overhead.calls", 2_000),
                Arrays.stream(text("bench.thousands", "1000,10000").split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                Duration.ofMillis(integer("bench.latencyMillis", 2_000)),
                Long.parseLong(text("bench.download.bytes", Long.toString(1L << 30))),
                integer("bench.startup.launches", 5));
    }

    private static int integer(String name, int defaultValue) {
        return Integer.parseInt(text(name, Integer.toString(defaultValue)));
    }

    private static String text(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
