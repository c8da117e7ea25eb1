package io.github.camelseedance;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once per progressInterval, one line on an endpoint's generations when some have been in flight longer than
 * that: a line per endpoint and interval however many there are, and none while all are younger.
 */
final class GenerationProgress {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationProgress.class);

    private final String endpoint;
    private final SeedanceStatistics statistics;
    private final IntSupplier waitingForPermit;
    private final long intervalMillis;
    private ScheduledFuture<?> task;

    /** @param endpoint the endpoint's URI as it may be printed: sanitized */
    GenerationProgress(
            String endpoint, SeedanceStatistics statistics, IntSupplier waitingForPermit, long intervalMillis) {
        this.endpoint = endpoint;
        this.statistics = statistics;
        this.waitingForPermit = waitingForPermit;
        this.intervalMillis = intervalMillis;
    }

    /** A task on the component's timer, which already runs the retry waits: no thread of its own. */
    synchronized void start(ScheduledExecutorService timer) {
        if (task == null) {
            try {
                task = timer.scheduleWithFixedDelay(
                        () -> report(System.nanoTime()), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the component is stopping: there is no progress left to report
            }
        }
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** Logs the line for the generations in flight at {@code nowNanos}, if any has been for longer than the interval. */
    void report(long nowNanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        SeedanceStatistics.InFlightSummary now =
                statistics.inFlight(nowNanos, TimeUnit.MILLISECONDS.toNanos(intervalMillis));
        if (now.longerThanThreshold() == 0) {
            return;
        }
        LOG.info(
                "{}: {} generation{} in flight, {} for longer than {}, the oldest for {}; {} waiting for a retry, {}"
                        + " waiting for a permit",
                endpoint,
                now.count(),
                now.count() == 1 ? "" : "s",
                now.longerThanThreshold(),
                duration(intervalMillis),
                duration(now.oldestMillis()),
                now.waitingForRetry(),
                waitingForPermit.getAsInt());
    }

    /** As Camel prints durations (4m12s), with milliseconds below a second and without a trailing zero (1h, not 1h0m). */
    static String duration(long millis) {
        return millis < 1000 ? millis + "ms" : TimeUtils.printDuration(millis).replaceFirst("(?<=[a-z])0[hms]$", "");
    }
}
