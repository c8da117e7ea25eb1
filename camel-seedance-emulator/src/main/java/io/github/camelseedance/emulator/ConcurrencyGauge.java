package io.github.camelseedance.emulator;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the generations in flight and the most seen at once, so a test can check a client's concurrency limit.
 * Updated on event loops and read by test threads, hence atomics.
 */
final class ConcurrencyGauge {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    /**
     * Counts one generation in. The returned action counts it out, once however often it runs: an answer and the
     * connection closing afterwards may both report the same end.
     */
    Runnable enter() {
        max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        AtomicBoolean left = new AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
    }

    int inFlight() {
        return inFlight.get();
    }

    int max() {
        return max.get();
    }

    void resetMax() {
        max.set(0);
    }
}
