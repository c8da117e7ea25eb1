package io.github.camelseedance.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.client.video.VideoContent;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the retrying client hands back when it stops: a failure the policy calls final as it was, or the last failure
 * with why no retry was made when its timer will not take one.
 */
class RetryingSeedanceClientTest {

    private static final VideoGenerationRequest REQUEST =
            VideoGenerationRequest.builder().prompt("A fox").build();
    private static final RetryPolicy RETRY_ONCE =
            new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1), false);

    private final AtomicInteger sent = new AtomicInteger();
    private final RefusingTimer timer = new RefusingTimer();

    /** Never connects: every attempt fails before anything is sent, so the policy asks for a retry. */
    private final SeedanceClient neverConnects = new SeedanceClient() {
        @Override
        public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request) {
            sent.incrementAndGet();
            return CompletableFuture.failedFuture(SeedanceException.notSent("Could not connect", null));
        }

        @Override
        public CompletableFuture<VideoContent> download(String videoUrl) {
            throw new UnsupportedOperationException();
        }
    };

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private SeedanceException generate() {
        return generateWith(neverConnects);
    }

    private SeedanceException generateWith(SeedanceClient delegate) {
        RetryingSeedanceClient client = new RetryingSeedanceClient(delegate, RETRY_ONCE, timer, Runnable::run);
        Throwable failure = catchThrowable(() -> client.generate(REQUEST).get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        return (SeedanceException) failure.getCause();
    }

    @Test
    void aFailureThePolicyCallsFinalIsPassedOnAsItWas() {
        SeedanceApiException rejected = new SeedanceApiException(400, "bad prompt", null, "prompt", null);
        SeedanceClient rejects = new SeedanceClient() {
            @Override
            public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request) {
                sent.incrementAndGet();
                return CompletableFuture.failedFuture(rejected);
            }

            @Override
            public CompletableFuture<VideoContent> download(String videoUrl) {
                throw new UnsupportedOperationException();
            }
        };

        SeedanceException failure = generateWith(rejects);

        assertThat(failure).isSameAs(rejected);
        assertThat(failure.getMessage()).doesNotContain("attempt");
        assertThat(sent).hasValue(1);
    }

    @Test
    void aRefusalWhileTheTimerRunsIsNotReportedAsAStop() {
        SeedanceException failure = generate();

        assertThat(failure.getMessage()).contains("could not be scheduled").doesNotContain("stopping");
        assertThat(failure.isRequestSent()).isFalse();
        assertThat(sent).hasValue(1);
    }

    @Test
    void aRefusalOnceTheTimerIsShutDownIsAStop() {
        timer.shutdown();

        SeedanceException failure = generate();

        assertThat(failure.getMessage()).contains("the component is stopping");
        assertThat(sent).hasValue(1);
    }

    /** A timer that refuses every task, as a full queue would; shut down, it refuses as a stopped one does. */
    private static final class RefusingTimer extends ScheduledThreadPoolExecutor {

        RefusingTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            throw new RejectedExecutionException("refused");
        }
    }
}
