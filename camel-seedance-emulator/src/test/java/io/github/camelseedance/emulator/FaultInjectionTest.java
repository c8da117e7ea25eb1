package io.github.camelseedance.emulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Network faults a resilient client must survive: answers cut short, connections reset early, downloads broken. */
class FaultInjectionTest {

    private static final byte[] SAMPLE = VideoLibrary.load();

    // started once for the class, reset before each test, closed after the last
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    @Test
    void truncatedAnswerPromisesMoreThanItSendsThenCloses() throws Exception {
        String body = "{\"data\":[{\"url\":\"http://";
        emulator.enqueue(EmulatorResponse.truncated(200, "application/json", body));

        TestClient.Received received = client.receive(client.authorizedGeneration(VALID_BODY));

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(received.contentLength()).isEqualTo(body.length() + 100);
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(200);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedAnswerFailsAClientReadingTheWholeBody() {
        emulator.enqueue(EmulatorResponse.truncated(502, "text/html", "<html>Bad Gat"));

        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(502);
    }

    @Test
    void truncatedAnswerKeepsItsDelayAndHeaders() throws Exception {
        emulator.enqueue(EmulatorResponse.truncated(429, "application/json", "{\"error\":")
                .withDelay(Duration.ofMillis(100))
                .withHeader("Retry-After", "3"));

        TestClient.Received received = client.receive(client.authorizedGeneration(VALID_BODY));

        assertThat(received.status()).isEqualTo(429);
        assertThat(received.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(received.body()).hasSizeLessThan((int) received.contentLength());
    }

    @Test
    void truncatedAnswerWithAnEmptyBodySendsOnlyItsHeaders() throws Exception {
        emulator.enqueue(EmulatorResponse.truncated(502, null, null));

        TestClient.Received received = client.receive(client.authorizedGeneration(VALID_BODY));

        assertThat(received.status()).isEqualTo(502);
        assertThat(received.contentLength()).isEqualTo(100);
        assertThat(received.body()).isEmpty();
    }

    @Test
    void invalidRequestIsJudgedBeforeATruncatedAnswerAndLeavesItQueued() {
        emulator.enqueue(EmulatorResponse.truncated(200, "application/json", "{"));

        assertThat(client.generate("{\"model\":\"m\"}").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void connectionDroppedBeforeTheRequestIsReadNeverReachesTheEmulator() {
        // a fresh client: a kept-alive connection from an earlier test would not be a new connection to drop
        TestClient fresh = new TestClient(emulator.baseUrl(), emulator.apiKey());
        emulator.dropNextConnections(1);

        assertThatThrownBy(() -> fresh.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);

        assertThat(emulator.generationCount()).isZero();
        assertThat(emulator.droppedConnections()).isEqualTo(1);
        assertThat(emulator.maxConcurrentGenerations()).isZero();
        assertThat(fresh.generate(VALID_BODY).statusCode()).isEqualTo(200);
        assertThat(emulator.generationCount()).isEqualTo(1);
    }

    @Test
    void droppedConnectionsAddUpAndAreCounted() {
        TestClient fresh = new TestClient(emulator.baseUrl(), emulator.apiKey());
        emulator.dropNextConnections(1);
        emulator.dropNextConnections(1);

        // a failed connection is not pooled, so each attempt opens a new one
        assertThatThrownBy(() -> fresh.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> fresh.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        assertThat(fresh.generate(VALID_BODY).statusCode()).isEqualTo(200);

        assertThat(emulator.droppedConnections()).isEqualTo(2);
        assertThat(emulator.generationCount()).isEqualTo(1);
    }

    @Test
    void keptAliveConnectionIsNotDropped() {
        TestClient warm = new TestClient(emulator.baseUrl(), emulator.apiKey());
        assertThat(warm.generate(VALID_BODY).statusCode()).isEqualTo(200);
        emulator.dropNextConnections(1);

        assertThat(warm.generate(VALID_BODY).statusCode()).isEqualTo(200);

        assertThat(emulator.droppedConnections()).isZero();
    }

    @Test
    void resetForgetsPendingDropsAndTheirCount() {
        emulator.dropNextConnections(1);
        assertThatThrownBy(() -> new TestClient(emulator.baseUrl(), emulator.apiKey()).generate(VALID_BODY))
                .hasCauseInstanceOf(IOException.class);
        emulator.dropNextConnections(5);

        emulator.reset();

        assertThat(emulator.droppedConnections()).isZero();
        assertThat(new TestClient(emulator.baseUrl(), emulator.apiKey())
                        .generate(VALID_BODY)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void brokenDownloadPromisesTheWholeVideoButSendsHalf() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.breakNextDownloads(1);

        TestClient.Received broken = client.receive(client.getRequest(url));

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(broken.contentLength()).isEqualTo(SAMPLE.length);
        assertThat(broken.body()).hasSizeLessThan(SAMPLE.length).isEqualTo(Arrays.copyOf(SAMPLE, broken.body().length));
        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::status)
                .isEqualTo(200);

        HttpResponse<byte[]> complete = client.download(url, null);

        assertThat(complete.body()).isEqualTo(SAMPLE);
        assertThat(emulator.downloads()).hasSize(2);
    }

    @Test
    void brokenDownloadFailsAClientReadingTheWholeBody() {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.breakNextDownloads(1);

        assertThatThrownBy(() -> client.download(url, null)).isInstanceOf(IOException.class);
    }

    @Test
    void headRequestsAndUnknownVideosUseNoBreakUp() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.breakNextDownloads(1);

        HttpResponse<Void> head = client.head(url);
        HttpResponse<byte[]> unknown = client.download(emulator.baseUrl() + "/videos/never-issued.mp4", null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(SAMPLE.length);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> client.download(url, null)).isInstanceOf(IOException.class);
        assertThat(client.download(url, null).body()).isEqualTo(SAMPLE);
    }

    @Test
    void resetForgetsPendingBrokenDownloads() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.breakNextDownloads(3);

        emulator.reset();

        assertThat(client.download(url, null).body()).isEqualTo(SAMPLE);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> emulator.dropNextConnections(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.breakNextDownloads(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
