package io.github.camelseedance.client;

import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncPushConsumer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.HandlerFactory;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Failures that cannot be caused on purpose in a test JVM without harming it, as the HTTP client reports them: the
 * operating system refusing a socket, and a client that has been closed.
 */
class HttpSeedanceClientFailureTest {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    private static final VideoGenerationRequest REQUEST =
            VideoGenerationRequest.builder().prompt("A fox").build();

    @AfterAll
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    private static SeedanceException generateWith(CloseableHttpAsyncClient http) {
        HttpSeedanceClient client = new HttpSeedanceClient(
                "http://127.0.0.1:9",
                "sk-test",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new DownloadLimits(Long.MAX_VALUE, null, 1, Duration.ofMillis(1), Duration.ofMillis(1)),
                http,
                Runnable::run,
                TIMER);
        CompletableFuture<?> result = client.generate(REQUEST, () -> true);
        Throwable failure = catchThrowable(result::get);
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(SeedanceException.class);
        return (SeedanceException) failure.getCause();
    }

    @Test
    void aSocketRefusedForTooManyOpenFilesSaysSoAndCountsAsNotSent() {
        SeedanceException failure = generateWith(new FailingClient(new SocketException("Too many open files")));

        assertThat(failure.getMessage())
                .contains("too many open files")
                .contains("ulimit -n")
                .contains("maxConcurrentRequests")
                .contains("Nothing was sent");
        assertThat(failure.isRequestSent()).isFalse();
        assertThat(failure.isPermanent()).isFalse();
    }

    @Test
    void aClosedClientRefusesBeforeAnythingIsSent() {
        SeedanceException failure = generateWith(new FailingClient(null));

        assertThat(failure.getMessage()).contains("stopped before the request could be sent");
        assertThat(failure.isRequestSent()).isFalse();
    }

    /** Fails every exchange before sending it, as the library does when it cannot open a socket; or refuses it. */
    private static final class FailingClient extends CloseableHttpAsyncClient {

        private final Exception failure;

        FailingClient(Exception failure) {
            this.failure = failure;
        }

        @Override
        protected <T> Future<T> doExecute(
                HttpHost target,
                AsyncRequestProducer requestProducer,
                AsyncResponseConsumer<T> responseConsumer,
                HandlerFactory<AsyncPushConsumer> pushHandlerFactory,
                HttpContext context,
                FutureCallback<T> callback) {
            if (failure == null) {
                throw new IllegalStateException("Request cannot be executed; I/O reactor status: SHUT_DOWN");
            }
            callback.failed(failure);
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public void start() {}

        @Override
        public IOReactorStatus getStatus() {
            return failure == null ? IOReactorStatus.SHUT_DOWN : IOReactorStatus.ACTIVE;
        }

        @Override
        public void awaitShutdown(TimeValue waitTime) {}

        @Override
        public void initiateShutdown() {}

        @Override
        public void register(String hostname, String uriPattern, Supplier<AsyncPushConsumer> supplier) {}

        @Override
        public void close(CloseMode closeMode) {}

        @Override
        public void close() {}
    }
}
