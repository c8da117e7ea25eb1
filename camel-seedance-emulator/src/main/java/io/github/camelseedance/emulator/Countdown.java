package io.github.camelseedance.emulator;

import java.util.concurrent.atomic.AtomicInteger;

/** How many of the next connections or downloads a scripted fault still applies to. Thread-safe. */
final class Countdown {

    private final AtomicInteger remaining = new AtomicInteger();

    /** Adds to the faults pending, as {@link SeedanceEmulator#enqueue} adds to the answers queued. */
    void add(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        // saturating: a test asking for "all of them" with Integer.MAX_VALUE twice must not wrap to negative
        remaining.accumulateAndGet(count, (pending, more) -> (int) Math.min(Integer.MAX_VALUE, (long) pending + more));
    }

    /** Uses up one pending fault; false when none is left. */
    boolean take() {
        return remaining.getAndUpdate(pending -> pending > 0 ? pending - 1 : 0) > 0;
    }

    void clear() {
        remaining.set(0);
    }
}
