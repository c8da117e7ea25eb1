package io.github.camelseedance.emulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Which requests the emulator counts as generations in flight, and when each count ends: what a test of a client's
 * concurrency limit asserts on. The counting itself is ConcurrencyGaugeTest's.
 */
class GenerationsInFlightTest {

    // started once for the class, reset before each test, closed after the last
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    /**
     * Latency is waited on timers, holding no thread, so slow generations overlap however many there are. The latency
     * is long enough for all ten requests to arrive on a slow machine before the first is answered.
     */
    @Test
    void concurrentSlowGenerationsAreAllInFlightAtOnce() {
        emulator.setLatency(Duration.ofSeconds(3));

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 10)
                .mapToObj(i -> client.generateAsync(VALID_BODY))
                .toList();

        assertThat(calls)
                .allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(10);
        assertThat(emulator.generationsInFlight()).isZero();
    }

    @Test
    void sequentialGenerationsNeverOverlap() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
        }

        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(1);
        assertThat(emulator.generationsInFlight()).isZero();
    }

    @Test
    void rejectedGenerationsCountWhileTheyAreAnswered() {
        assertThat(client.send(client.generation(VALID_BODY).build()).statusCode())
                .isEqualTo(401);
        assertThat(client.generate("{\"model\":\"m\"}").statusCode()).isEqualTo(400);

        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(1);
        assertThat(emulator.generationsInFlight()).isZero();
    }

    @Test
    void droppedAndTruncatedAnswersEndTheirCount() {
        emulator.enqueue(EmulatorResponse.dropConnection());
        emulator.enqueue(EmulatorResponse.truncated(200, "application/json", "{\"data\":"));

        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);

        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(1);
        assertThat(emulator.generationsInFlight()).isZero();
    }

    @Test
    void clientThatGivesUpIsCountedOutWhenItsConnectionCloses() {
        emulator.setLatency(Duration.ofMinutes(5));
        CompletableFuture<HttpResponse<String>> call = client.generateAsync(VALID_BODY);
        await().until(() -> emulator.generationsInFlight() == 1);

        // since JDK 16, cancelling the future aborts the exchange and closes its HTTP/1.1 connection
        call.cancel(true);

        await().until(() -> emulator.generationsInFlight() == 0);
        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(1);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(0);
    }

    @Test
    void otherRequestsAreNotCounted() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.reset();

        client.download(url, null);
        client.get("/v1/videos/generations");
        client.get("/v1/models");

        assertThat(emulator.maxConcurrentGenerations()).isZero();
    }

    @Test
    void resetZeroesTheMaximum() {
        client.generate(VALID_BODY);
        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(1);

        emulator.reset();

        assertThat(emulator.maxConcurrentGenerations()).isZero();
        assertThat(emulator.generationsInFlight()).isZero();
    }
}
