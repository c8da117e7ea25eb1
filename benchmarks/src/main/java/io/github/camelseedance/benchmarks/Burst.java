package io.github.camelseedance.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Generations started at once from the caller's thread, and the wall time until every one has its answer. A failure
 * is counted, not thrown, and the first one's message kept; an answer that has not come {@link #GRACE} after the
 * emulator's latency counts as a failure too, so a client that hangs ends its run instead of stalling the benchmark.
 */
record Burst(double seconds, int failed, String firstFailure) {

    static final Duration GRACE = Duration.ofSeconds(60);

    static Burst send(GenerationClient client, int count, Duration latency) throws InterruptedException {
        long start = System.nanoTime();
        Duration wait = latency.plus(GRACE);
        long deadline = start + wait.toNanos();
        List<CompletableFuture<String>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(client.generate());
        }
        int failed = 0;
        String firstFailure = null;
        for (CompletableFuture<String> answer : sent) {
            try {
                answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                continue;
            } catch (ExecutionException e) {
                firstFailure = firstFailure != null ? firstFailure : describe(e.getCause());
            } catch (TimeoutException e) {
                firstFailure = firstFailure != null ? firstFailure : "no answer within " + wait.toSeconds() + " s";
            }
            failed++;
        }
        return new Burst((System.nanoTime() - start) / 1e9, failed, firstFailure);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? failure.toString() : failure + ", caused by " + cause;
    }
}
