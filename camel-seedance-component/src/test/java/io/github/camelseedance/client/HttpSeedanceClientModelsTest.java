package io.github.camelseedance.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The model list, {@code GET /v1/models}: its ids read leniently, an error status as the API exception a generation
 * gets, and no answer bounded by the list's own deadline rather than the generations' long one.
 */
class HttpSeedanceClientModelsTest {

    private static final String KEY = "sk-models-test-3c4d5e";

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey(KEY).build();

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    private static CloseableHttpAsyncClient http;

    @BeforeAll
    static void startClient() {
        http = SeedanceHttpClients.start(null, null, DownloadRules.of(SEEDANCE.baseUrl(), null, false, null));
    }

    @AfterAll
    static void stop() {
        http.close(CloseMode.IMMEDIATE);
        TIMER.shutdownNow();
    }

    private static HttpSeedanceClient client(String key, Duration requestTimeout) {
        return new HttpSeedanceClient(
                SEEDANCE.baseUrl(),
                key,
                Duration.ofSeconds(5),
                requestTimeout,
                new DownloadLimits(Long.MAX_VALUE, null, 1, Duration.ofMillis(1), Duration.ofMillis(1)),
                http,
                Runnable::run,
                TIMER);
    }

    private static Throwable failureOf(HttpSeedanceClient client) {
        Throwable failure = catchThrowable(() -> client.models().get());
        assertThat(failure).isInstanceOf(ExecutionException.class);
        return failure.getCause();
    }

    @Test
    void listsTheIdsTheApiAnswersWith() throws Exception {
        List<String> ids = client(KEY, Duration.ofMinutes(10)).models().get();

        assertThat(ids)
                .containsExactly(
                        "ByteDance-Seedance-1.0-pro",
                        "ByteDance-Seedance-1.0-pro-fast",
                        "ByteDance-Seedance-1.5-pro",
                        "SIRAYA-Seedance-2.0",
                        "SIRAYA-Seedance-2.0-fast");
        assertThat(SEEDANCE.modelRequests())
                .singleElement()
                .satisfies(
                        request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY));
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"object\":\"list\"}",
                "{\"object\":\"list\",\"data\":[{\"object\":\"model\"},{\"id\":\"m-1\",\"new_field\":[1]}],\"more\":true}",
                "not json at all"
            })
    void readsAnyListLeniently(String body) throws Exception {
        SEEDANCE.enqueueModels(EmulatorResponse.json(200, body));

        List<String> ids = client(KEY, Duration.ofMinutes(10)).models().get();

        assertThat(ids).isSubsetOf("m-1");
    }

    @Test
    void anErrorStatusIsTheApiExceptionWithTheProvidersFieldsAndNoKey() {
        SEEDANCE.enqueueModels(
                EmulatorResponse.error(402, "Balance too low for " + KEY, "billing_error", null, "insufficient"));

        Throwable failure = failureOf(client(KEY, Duration.ofMinutes(10)));

        assertThat(failure).isInstanceOf(SeedanceApiException.class);
        SeedanceApiException api = (SeedanceApiException) failure;
        assertThat(api.getStatusCode()).isEqualTo(402);
        assertThat(api.getErrorMessage()).isEqualTo("Balance too low for [redacted]");
        assertThat(api.getCode()).isEqualTo("insufficient");
        assertThat(api.getMessage()).doesNotContain(KEY);
    }

    @Test
    void noAnswerEndsWithinTheShorterBoundNotTheGenerationsTimeout() {
        SEEDANCE.enqueueModels(EmulatorResponse.json(200, "{\"data\":[]}").withDelay(Duration.ofSeconds(20)));

        Throwable failure = failureOf(client(KEY, Duration.ofMillis(300)));

        assertThat(failure).isInstanceOf(SeedanceException.class);
        assertThat(failure.getMessage())
                .contains("the Seedance API at " + SEEDANCE.baseUrl())
                .contains("300 ms");
        assertThat(((SeedanceException) failure).isRequestSent()).isFalse();
    }
}
