package io.github.camelseedance.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.SeedanceStoppedException;
import io.github.camelseedance.client.video.VideoDownload;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the retrying client hands back when it stops: a failure the policy calls final as it was, the last failure with
 * why no retry was made when its timer will not take one, and after a stop of the call nothing more sent.
 */
class RetryingSeedanceClientTest {

    private static final VideoGenerationRequest REQUEST =
            VideoGenerationRequest.builder().prompt("A fox").build();
    private static final RetryPolicy RETRY_ONCE =
            new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1), false);
    private static final RetryPolicy RETRY_AMBIGUOUS_IN_AN_HOUR =
            new RetryPolicy(3, Duration.ofHours(1), Duration.ofHours(1), true);

    private final AtomicInteger sent = new AtomicInteger();
    private final RefusingTimer timer = new RefusingTimer();
    private final ManualTimer manual = new ManualTimer();

    /** Never connects: every attempt fails before anything is sent, so the policy asks for a retry. */
    private final SeedanceClient neverConnects = new FakeClient() {
        @Override
        public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
            sent.incrementAndGet();
            return CompletableFuture.failedFuture(SeedanceException.notSent("Could not connect", null));
        }
    };

    @AfterEach
    void stopTimers() {
        timer.shutdownNow();
        manual.shutdownNow();
    }

    private SeedanceException generate() {
        return generateWith(neverConnects);
    }

    private SeedanceException generateWith(SeedanceClient delegate) {
        RetryingSeedanceClient client = new RetryingSeedanceClient(delegate, RETRY_ONCE, timer, Runnable::run);
        GenerationCall call = new GenerationCall();
        client.generate(REQUEST, call);
        Throwable failure = catchThrowable(() -> call.outcome().get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(call.settled()).isDone();
        return (SeedanceException) failure.getCause();
    }

    @Test
    void aFailureThePolicyCallsFinalIsPassedOnAsItWas() {
        SeedanceApiException rejected = new SeedanceApiException(400, "bad prompt", null, "prompt", null);
        SeedanceClient rejects = new FakeClient() {
            @Override
            public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
                sent.incrementAndGet();
                return CompletableFuture.failedFuture(rejected);
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

    @Test
    void aStopWhileARetryWaitsCancelsItAndSaysTheProviderDidNotStartTheGeneration() throws Exception {
        RetryingSeedanceClient client = new RetryingSeedanceClient(neverConnects, RETRY_ONCE, manual, Runnable::run);
        GenerationCall call = new GenerationCall();
        client.generate(REQUEST, call);
        assertThat(manual.scheduled).hasSize(1);

        call.stop();
        manual.runAll(); // a retry that fired anyway, as one already taken off the queue would

        assertThat(manual.scheduled.get(0).isCancelled()).isTrue();
        assertThat(sent).as("no attempt after the stop").hasValue(1);
        assertThat(call.settled()).isDone();
        SeedanceStoppedException stopped = stoppedOutcome(call);
        assertThat(stopped.isRequestSent()).isFalse();
        assertThat(stopped.getAttempts()).isEqualTo(1);
        assertThat(stopped.getMessage()).contains("Could not connect").doesNotContain("bill");
    }

    @Test
    void aStopWhileAnAmbiguousFailureWaitsToBeRetriedSaysTheProviderMayBillIt() throws Exception {
        SeedanceClient noAnswer = new FakeClient() {
            @Override
            public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
                sent.incrementAndGet();
                return CompletableFuture.failedFuture(SeedanceException.maybeSent("No answer", null));
            }
        };
        RetryingSeedanceClient client =
                new RetryingSeedanceClient(noAnswer, RETRY_AMBIGUOUS_IN_AN_HOUR, manual, Runnable::run);
        GenerationCall call = new GenerationCall();
        client.generate(REQUEST, call);

        call.stop();
        manual.runAll();

        assertThat(sent).hasValue(1);
        SeedanceStoppedException stopped = stoppedOutcome(call);
        assertThat(stopped.isRequestSent()).isTrue();
        assertThat(stopped.getMessage()).contains("may still complete and bill it");
    }

    @Test
    void aStopWhileTheRequestIsOutLeavesItToEndAndTheCallSettlesWhenItDoes() throws Exception {
        CompletableFuture<GeneratedVideo> answer = new CompletableFuture<>();
        List<SendGate> gates = new ArrayList<>();
        SeedanceClient slow = new FakeClient() {
            @Override
            public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
                sent.incrementAndGet();
                gates.add(gate);
                return answer;
            }
        };
        RetryingSeedanceClient client = new RetryingSeedanceClient(slow, RETRY_ONCE, manual, Runnable::run);
        GenerationCall call = new GenerationCall();
        client.generate(REQUEST, call);
        assertThat(gates.get(0).admit()).as("the body starts to go out").isTrue();

        call.stop();

        SeedanceStoppedException stopped = stoppedOutcome(call);
        assertThat(stopped.isRequestSent()).isTrue();
        assertThat(stopped.getMessage()).contains("in flight", "may still complete and bill it");
        assertThat(answer).as("not cancelled: the provider has it").isNotCancelled();
        assertThat(call.settled()).as("held until the request ends").isNotDone();

        answer.completeExceptionally(new SeedanceApiException(503, "overloaded", null, null, null));

        assertThat(call.settled()).isDone();
        assertThat(sent).as("not retried after the stop").hasValue(1);
    }

    @Test
    void aStopBeforeTheRequestGoesOutDropsItAndTheGateRefusesIt() throws Exception {
        CompletableFuture<GeneratedVideo> answer = new CompletableFuture<>();
        List<SendGate> gates = new ArrayList<>();
        SeedanceClient connecting = new FakeClient() {
            @Override
            public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
                sent.incrementAndGet();
                gates.add(gate);
                return answer;
            }
        };
        RetryingSeedanceClient client = new RetryingSeedanceClient(connecting, RETRY_ONCE, manual, Runnable::run);
        GenerationCall call = new GenerationCall();
        client.generate(REQUEST, call);

        call.stop();

        assertThat(gates.get(0).admit()).as("nothing is written after the stop").isFalse();
        assertThat(answer).as("the exchange is cancelled").isCancelled();
        assertThat(call.settled()).isDone();
        SeedanceStoppedException stopped = stoppedOutcome(call);
        assertThat(stopped.isRequestSent()).isFalse();
        assertThat(stopped.getMessage()).contains("before this generation was sent");
    }

    @Test
    void aCallStoppedBeforeItStartsSendsNothing() throws Exception {
        RetryingSeedanceClient client = new RetryingSeedanceClient(neverConnects, RETRY_ONCE, manual, Runnable::run);
        GenerationCall call = new GenerationCall();
        call.stop();

        client.generate(REQUEST, call);

        assertThat(sent).hasValue(0);
        assertThat(call.settled()).isDone();
        assertThat(stoppedOutcome(call).isRequestSent()).isFalse();
    }

    private static SeedanceStoppedException stoppedOutcome(GenerationCall call) {
        Throwable failure = catchThrowable(() -> call.outcome().get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(SeedanceStoppedException.class);
        return (SeedanceStoppedException) failure.getCause();
    }

    /** A client whose downloads are not part of the test. */
    private abstract static class FakeClient implements SeedanceClient {
        @Override
        public VideoDownload download(String videoUrl) {
            throw new UnsupportedOperationException();
        }
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

    /** A timer whose tasks run only when the test says so, cancelled or not. */
    private static final class ManualTimer extends ScheduledThreadPoolExecutor {

        private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
        private final List<Runnable> tasks = new ArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            tasks.add(command);
            ScheduledFuture<?> waiting = super.schedule(() -> {}, 1, TimeUnit.HOURS);
            scheduled.add(waiting);
            return waiting;
        }

        void runAll() {
            tasks.forEach(Runnable::run);
        }
    }
}
