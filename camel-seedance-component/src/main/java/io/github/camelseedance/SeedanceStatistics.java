package io.github.camelseedance;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelseedance.client.GenerationEvents;
import io.github.camelseedance.client.Texts;

/**
 * What one endpoint has done and is doing, for JMX, the seedance dev console and the progress line. Recording is an
 * atomic add or a concurrent set update; the summing is left to whoever reads (DESIGN.md, "Counters per endpoint").
 */
final class SeedanceStatistics implements GenerationEvents {

    /** A generation from the moment it has its permit until it gives the permit back. */
    interface InFlight {
        /** {@link System#nanoTime()} when it got its permit. */
        long startedNanos();

        boolean isWaitingForRetry();
    }

    /** The generations in flight at one moment. */
    record InFlightSummary(int count, int longerThanThreshold, long oldestMillis, int waitingForRetry) {}

    /** The last failure of an exchange: its message, which never carries the key, and when it happened. */
    record LastError(String message, Instant time) {}

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

    private final LongAdder videos = new LongAdder();
    private final LongAdder refusedLocally = new LongAdder();
    private final ConcurrentMap<Integer, LongAdder> apiErrors = new ConcurrentHashMap<>();
    private final LongAdder transportFailures = new LongAdder();
    private final LongAdder downloadFailures = new LongAdder();
    private final LongAdder stopped = new LongAdder();
    private final LongAdder otherFailures = new LongAdder();

    private final LongAdder retriesScheduled = new LongAdder();
    private final LongAdder lateBilledAnswers = new LongAdder();
    private final LongAdder downloadsResumed = new LongAdder();

    private volatile LastError lastError;

    void started(InFlight generation) {
        inFlight.add(generation);
    }

    void ended(InFlight generation) {
        inFlight.remove(generation);
    }

    /** The exchange was failed before anything was sent: its input or the endpoint's options broke the contract. */
    void refused(Throwable failure) {
        refusedLocally.increment();
        recordError(failure);
    }

    /** An exchange that went out ended: with a video when {@code failure} is null, else by the kind of failure. */
    void completed(Throwable failure) {
        if (failure == null) {
            videos.increment();
            return;
        }
        if (failure instanceof SeedanceDownloadException) {
            downloadFailures.increment();
        } else if (failure instanceof SeedanceStoppedException) {
            stopped.increment();
        } else if (failure instanceof SeedanceApiException api) {
            apiErrors
                    .computeIfAbsent(api.getStatusCode(), status -> new LongAdder())
                    .increment();
        } else if (failure instanceof SeedanceException seedance && seedance.getStatusCode() == 0) {
            transportFailures.increment();
        } else {
            otherFailures.increment();
        }
        recordError(failure);
    }

    @Override
    public void retryScheduled() {
        retriesScheduled.increment();
    }

    @Override
    public void lateBilledAnswer() {
        lateBilledAnswers.increment();
    }

    void downloadEnded(int resumptions) {
        if (resumptions > 0) {
            downloadsResumed.add(resumptions);
        }
    }

    private void recordError(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + Texts.oneLine(failure.getMessage());
        lastError = new LastError(failure.getClass().getSimpleName() + message, Instant.now());
    }

    int inFlightCount() {
        return inFlight.size();
    }

    /** Walks the generations in flight; done by readers only, so that recording stays a set update. */
    InFlightSummary inFlight(long nowNanos, long thresholdNanos) {
        int count = 0;
        int longer = 0;
        int retrying = 0;
        long oldest = 0;
        for (InFlight generation : inFlight) {
            long age = nowNanos - generation.startedNanos();
            count++;
            if (age > thresholdNanos) {
                longer++;
            }
            if (generation.isWaitingForRetry()) {
                retrying++;
            }
            oldest = Math.max(oldest, age);
        }
        return new InFlightSummary(count, longer, oldest / 1_000_000, retrying);
    }

    long videos() {
        return videos.sum();
    }

    long refusedLocally() {
        return refusedLocally.sum();
    }

    /** The API's error answers by HTTP status, in status order. */
    Map<Integer, Long> apiErrorsByStatus() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        apiErrors.forEach((status, count) -> byStatus.put(status, count.sum()));
        return byStatus;
    }

    long apiErrors() {
        return apiErrors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long transportFailures() {
        return transportFailures.sum();
    }

    long downloadFailures() {
        return downloadFailures.sum();
    }

    long stopped() {
        return stopped.sum();
    }

    long otherFailures() {
        return otherFailures.sum();
    }

    long retriesScheduled() {
        return retriesScheduled.sum();
    }

    long lateBilledAnswers() {
        return lateBilledAnswers.sum();
    }

    long downloadsResumed() {
        return downloadsResumed.sum();
    }

    /** Null until an exchange has failed. */
    LastError lastError() {
        return lastError;
    }
}
