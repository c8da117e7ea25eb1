package io.github.camelseedance.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.client.video.VideoDownload;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a generation again when the {@link RetryPolicy} says so, until its {@link GenerationCall} stops. Waits are
 * scheduled on a timer, never slept, so a generation waiting to be retried holds no thread. The final failure is a new
 * exception that records the attempts; the attempts' own exceptions are never changed.
 */
public final class RetryingSeedanceClient {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSeedanceClient.class);

    private final SeedanceClient delegate;
    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final GenerationEvents events;

    /**
     * @param timer   waits out the delays
     * @param workers sends the retries: sending may open a connection and look a host up, which blocks, and the one
     *                timer thread must stay free for the other waits
     */
    public RetryingSeedanceClient(
            SeedanceClient delegate, RetryPolicy policy, ScheduledExecutorService timer, Executor workers) {
        this(delegate, policy, timer, workers, GenerationEvents.NONE);
    }

    /** @param events told of each retry scheduled and each video made after its exchange was failed by a stop */
    public RetryingSeedanceClient(
            SeedanceClient delegate,
            RetryPolicy policy,
            ScheduledExecutorService timer,
            Executor workers,
            GenerationEvents events) {
        this.delegate = delegate;
        this.policy = policy;
        this.timer = timer;
        this.workers = workers;
        this.events = events;
    }

    /** Runs the generation into {@code call}, attempt after attempt, until it succeeds, fails for good or stops. */
    public void generate(VideoGenerationRequest request, GenerationCall call) {
        attempt(request, call);
    }

    private void attempt(VideoGenerationRequest request, GenerationCall call) {
        int attempt = call.beginAttempt();
        if (attempt == 0) {
            return; // stopped: nothing more is sent
        }
        CompletableFuture<GeneratedVideo> sent;
        try {
            sent = delegate.generate(request, call);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        call.dispatched(sent);
        sent.whenComplete((video, failure) -> {
            if (failure == null) {
                if (!call.succeeded(video)) {
                    events.lateBilledAnswer();
                    // the one trace of a paid video whose exchange is gone: its URL is what fetches it
                    LOG.warn(
                            "A video was made, and billed, after its exchange {} had been failed by a stop: request {}"
                                    + " (model {}), video URL {} (fetch it with seedance:download while the provider"
                                    + " keeps it)",
                            call.exchangeId(),
                            RequestFingerprint.of(request),
                            request.model(),
                            video.url());
                }
                return;
            }
            SeedanceException cause = asSeedanceException(failure);
            RetryPolicy.Decision decision = policy.decide(cause, attempt);
            if (!decision.retry()) {
                giveUp(cause, attempt, decision.reason(), call);
                return;
            }
            if (!call.retrying(cause, RetryPolicy.mayHaveStarted(cause))) {
                return; // stopped: the retry is not made
            }
            LOG.debug(
                    "Seedance generation attempt {} failed ({}); attempt {} in {} ms",
                    attempt,
                    cause.getMessage(),
                    attempt + 1,
                    decision.delay().toMillis());
            try {
                call.retryScheduled(timer.schedule(
                        () -> retry(request, attempt + 1, call, cause),
                        decision.delay().toMillis(),
                        TimeUnit.MILLISECONDS));
                events.retryScheduled();
            } catch (RejectedExecutionException refused) {
                giveUp(cause, attempt, notScheduled(timer), call);
            }
        });
    }

    private void retry(
            VideoGenerationRequest request, int attempt, GenerationCall call, SeedanceException lastFailure) {
        try {
            workers.execute(() -> attempt(request, call));
        } catch (RejectedExecutionException refused) {
            giveUp(lastFailure, attempt - 1, notScheduled(workers), call);
        }
    }

    /**
     * Why a retry was not made when its executor refused it. The component's executors queue without bound, so only a
     * stop makes them refuse; anything else is said as it is, never as a stop.
     */
    private static String notScheduled(Executor refusing) {
        return refusing instanceof ExecutorService service && service.isShutdown()
                ? "not retried: the component is stopping"
                : "not retried: the retry could not be scheduled (" + refusing + " refused it)";
    }

    private static SeedanceException asSeedanceException(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof SeedanceException seedance
                ? seedance
                : new SeedanceException("The generation failed unexpectedly: " + cause, cause);
    }

    /** Fails the generation with the last attempt's failure, saying how many attempts there were and why no more. */
    private static void giveUp(SeedanceException failure, int attempts, String reason, GenerationCall call) {
        call.failed(reason == null ? failure : failure.afterAttempts(attempts, reason));
    }

    /** Passed through: a CDN read is not billed work, and is never retried here. */
    public VideoDownload download(String videoUrl) {
        return delegate.download(videoUrl);
    }
}
