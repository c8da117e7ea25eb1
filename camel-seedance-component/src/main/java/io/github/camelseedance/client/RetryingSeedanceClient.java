package io.github.camelseedance.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a generation again when the {@link RetryPolicy} says so. Waits are scheduled on a timer, never slept, so a
 * generation waiting to be retried holds no thread. Downloads are passed through: a CDN read is not billed work.
 */
public final class RetryingSeedanceClient implements SeedanceClient {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSeedanceClient.class);

    private static final String STOPPING = "not retried: the component is stopping";

    private final SeedanceClient delegate;
    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;
    private final Executor workers;

    /**
     * @param timer   waits out the delays
     * @param workers sends the retries: sending may open a connection and look a host up, which blocks, and the timer
     *                thread also runs every connect timeout
     */
    public RetryingSeedanceClient(SeedanceClient delegate, RetryPolicy policy, ScheduledExecutorService timer,
                                  Executor workers) {
        this.delegate = delegate;
        this.policy = policy;
        this.timer = timer;
        this.workers = workers;
    }

    @Override
    public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request) {
        CompletableFuture<GeneratedVideo> result = new CompletableFuture<>();
        attempt(request, 1, result);
        return result;
    }

    private void attempt(VideoGenerationRequest request, int attempt, CompletableFuture<GeneratedVideo> result) {
        CompletableFuture<GeneratedVideo> call;
        try {
            call = delegate.generate(request);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((video, failure) -> {
            if (failure == null) {
                result.complete(video);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            RetryPolicy.Decision decision = policy.decide(cause, attempt);
            if (!decision.retry()) {
                giveUp(cause, attempt, decision.reason(), result);
                return;
            }
            LOG.debug("Seedance generation attempt {} failed ({}); attempt {} in {} ms", attempt, cause.getMessage(),
                    attempt + 1, decision.delay().toMillis());
            try {
                timer.schedule(() -> retry(request, attempt + 1, result, cause), decision.delay().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                giveUp(cause, attempt, STOPPING, result);
            }
        });
    }

    private void retry(VideoGenerationRequest request, int attempt, CompletableFuture<GeneratedVideo> result,
                       Throwable lastFailure) {
        try {
            workers.execute(() -> attempt(request, attempt, result));
        } catch (RejectedExecutionException stopping) {
            giveUp(lastFailure, attempt - 1, STOPPING, result);
        }
    }

    /** Fails the generation with the last attempt's failure, saying how many attempts there were and why no more. */
    private static void giveUp(Throwable failure, int attempts, String reason, CompletableFuture<GeneratedVideo> result) {
        if (failure instanceof SeedanceException seedance && reason != null) {
            seedance.setRetryOutcome(attempts, reason);
        }
        result.completeExceptionally(failure);
    }

    @Override
    public CompletableFuture<VideoContent> download(String videoUrl) {
        return delegate.download(videoUrl);
    }
}
