package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How first attempts are told apart: by their exact body bytes, and exactly once even when identical ones arrive
 * together. What a client sees of the option over HTTP is FirstAttemptFaultOptionTest's.
 */
class FirstAttemptFaultsTest {

    private final FirstAttemptFaults faults = new FirstAttemptFaults(Fault.SERVICE_UNAVAILABLE);

    @Test
    void bodiesDifferingInOneByteAreDistinct() {
        faults.take(bytes("{\"a\":1}"));

        assertThat(faults.take(bytes("{\"a\":2}"))).isEqualTo(Fault.SERVICE_UNAVAILABLE);
        assertThat(faults.take(bytes("{\"a\": 1}")))
                .as("the same JSON spaced differently")
                .isEqualTo(Fault.SERVICE_UNAVAILABLE);
    }

    @Test
    void withoutAKindNothingIsFaulted() {
        FirstAttemptFaults off = new FirstAttemptFaults(null);

        assertThat(off.take(bytes("{\"a\":1}"))).isNull();
        assertThat(off.kind()).isNull();
    }

    @Test
    void ofIdenticalFirstAttemptsAtOnceExactlyOneIsFaulted() throws Exception {
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Fault>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return faults.take(bytes("{\"same\":true}"));
                        },
                        pool));
            }

            List<Fault> got = new ArrayList<>();
            for (CompletableFuture<Fault> attempt : attempts) {
                got.add(attempt.get());
            }
            assertThat(got).filteredOn(fault -> fault != null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
