package io.github.camelseedance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Bounds the generations in flight on one endpoint, whichever of its producers sends them and across their restarts.
 * An exchange over the limit is queued, in arrival order, as the task that will start it; no thread waits for a permit.
 */
final class GenerationPermits {

    static final int UNLIMITED = 0;

    private final int limit;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int inUse;

    /** @param limit the most generations at once, or {@link #UNLIMITED} */
    GenerationPermits(int limit) {
        this.limit = limit;
    }

    /** A generation that needs a permit: started when it gets one, or cancelled if the producer stops first. */
    interface Waiting {
        void start();

        void cancel(Exception reason);
    }

    /** Starts the generation now if a permit is free, or later, when one is released. */
    void acquire(Waiting generation) {
        synchronized (this) {
            if (limit > 0 && inUse >= limit) {
                waiting.addLast(generation);
                return;
            }
            inUse++;
        }
        generation.start();
    }

    /** Hands the permit to the longest-waiting exchange, or frees it. */
    void release() {
        Waiting next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                inUse--;
            }
        }
        if (next != null) {
            next.start();
        }
    }

    /** How many generations wait for a permit. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Removes and returns the waiting generations {@code which} selects, so a stopping producer can fail its own. */
    synchronized List<Waiting> withdraw(Predicate<? super Waiting> which) {
        List<Waiting> withdrawn = new ArrayList<>();
        waiting.removeIf(generation -> which.test(generation) && withdrawn.add(generation));
        return withdrawn;
    }
}
