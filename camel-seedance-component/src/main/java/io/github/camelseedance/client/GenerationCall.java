package io.github.camelseedance.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.SeedanceStoppedException;
import io.github.camelseedance.model.GeneratedVideo;

/**
 * One generation, attempt after attempt, and the stop after which none of its requests starts to go out. An attempt
 * already going out is left to end on its own, as the provider may be making the video: {@link #settled()} says when.
 */
public final class GenerationCall implements SendGate {

    private final CompletableFuture<GeneratedVideo> outcome = new CompletableFuture<>();
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    // all guarded by this
    private boolean stopped;
    private boolean finished;
    private int attempts;
    private boolean attemptUnderWay;
    /** The attempt under way, once handed to the HTTP client. */
    private CompletableFuture<?> attempt;
    /** Whether the request of the attempt under way has started to go out. */
    private boolean written;
    /** The failure of the last attempt that ended, while the call waits to send the generation again. */
    private SeedanceException lastFailure;
    /** Whether an attempt that ended may have started the generation (an ambiguous failure, retried anyway). */
    private boolean earlierMayHaveStarted;

    private Future<?> pendingRetry;

    private final String exchangeId;

    /** @param exchangeId the exchange the generation is for, which a log line about it names */
    public GenerationCall(String exchangeId) {
        this.exchangeId = exchangeId;
    }

    public GenerationCall() {
        this("(none)");
    }

    public String exchangeId() {
        return exchangeId;
    }

    /** The video; or the failure after the last attempt; or, after {@link #stop()}, a SeedanceStoppedException. */
    public CompletableFuture<GeneratedVideo> outcome() {
        return outcome;
    }

    /**
     * Completes once no attempt is under way and none will be made: with the outcome, or after a stop once the attempt
     * it left going has ended.
     */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /**
     * Sends nothing more: a retry waited for is cancelled, an attempt whose request has not started to go out is
     * dropped, and the outcome fails with a SeedanceStoppedException that says whether the provider may have the
     * generation. Does nothing once the outcome is known.
     */
    public void stop() {
        SeedanceStoppedException reason;
        Future<?> retry;
        CompletableFuture<?> unsent;
        boolean settleNow;
        synchronized (this) {
            if (stopped || finished) {
                return;
            }
            stopped = true;
            reason = stopReason();
            retry = pendingRetry;
            pendingRetry = null;
            unsent = attempt != null && !written ? attempt : null;
            settleNow = !attemptUnderWay;
        }
        if (retry != null) {
            retry.cancel(false);
        }
        outcome.completeExceptionally(reason);
        if (unsent != null) {
            // its exchange is cancelled and the attempt ends at once, settling the call
            unsent.cancel(false);
        }
        if (settleNow) {
            settled.complete(null);
        }
    }

    /** What a stop now means for the generation. Under the lock. */
    private SeedanceStoppedException stopReason() {
        String message;
        boolean sent;
        if (attemptUnderWay && written) {
            message = "The seedance endpoint stopped while this generation was in flight (attempt " + attempts
                    + "); the provider may still complete and bill it";
            sent = true;
        } else if (earlierMayHaveStarted) {
            message = "The seedance endpoint stopped before this generation was sent again; an earlier attempt may"
                    + " have reached the model, so the provider may still complete and bill it (attempt " + attempts
                    + ": " + lastFailure.getMessage() + ")";
            sent = true;
        } else if (lastFailure != null) {
            message = "The seedance endpoint stopped before this generation was sent again; nothing more was sent,"
                    + " and the provider did not start it (attempt " + attempts + ": " + lastFailure.getMessage()
                    + ")";
            sent = false;
        } else {
            message = "The seedance endpoint stopped before this generation was sent";
            sent = false;
        }
        return new SeedanceStoppedException(message, sent).afterAttempts(Math.max(1, attempts), null);
    }

    /** Whether the call is waiting out the delay before its next attempt. */
    public synchronized boolean isWaitingForRetry() {
        return pendingRetry != null;
    }

    @Override
    public synchronized boolean admit() {
        if (stopped) {
            return false;
        }
        written = true;
        return true;
    }

    // ---- the retrying client's side

    /** Starts the next attempt and returns its number, or 0 when the call has stopped or ended. */
    synchronized int beginAttempt() {
        if (stopped || finished) {
            return 0;
        }
        attempts++;
        attemptUnderWay = true;
        attempt = null;
        written = false;
        pendingRetry = null;
        return attempts;
    }

    /** The attempt just begun, as the HTTP client runs it: a stop drops it while its request has not gone out. */
    void dispatched(CompletableFuture<?> sent) {
        boolean drop;
        synchronized (this) {
            attempt = sent;
            drop = stopped && !written;
        }
        if (drop) {
            sent.cancel(false);
        }
    }

    /** The attempt under way made the video; true unless a stop came first, and the video then goes nowhere. */
    boolean succeeded(GeneratedVideo video) {
        boolean delivered;
        synchronized (this) {
            endAttempt();
            finished = true;
            delivered = !stopped;
        }
        outcome.complete(video);
        settled.complete(null);
        return delivered;
    }

    /** The attempt under way failed, and no other will be made. */
    void failed(SeedanceException failure) {
        synchronized (this) {
            endAttempt();
            finished = true;
        }
        outcome.completeExceptionally(failure);
        settled.complete(null);
    }

    /**
     * The attempt under way failed and is to be made again: true when the retry may be scheduled, false when the call
     * has stopped (and is now settled).
     *
     * @param mayHaveStarted whether the provider may have started the generation on that attempt
     */
    boolean retrying(SeedanceException failure, boolean mayHaveStarted) {
        synchronized (this) {
            endAttempt();
            lastFailure = failure;
            earlierMayHaveStarted |= mayHaveStarted;
            if (!stopped) {
                return true;
            }
        }
        settled.complete(null);
        return false;
    }

    /** The retry as scheduled, so that a stop can cancel it. */
    void retryScheduled(Future<?> retry) {
        boolean cancel;
        synchronized (this) {
            cancel = stopped;
            if (!stopped) {
                pendingRetry = retry;
            }
        }
        if (cancel) {
            retry.cancel(false);
        }
    }

    private void endAttempt() {
        attemptUnderWay = false;
        attempt = null;
    }
}
