package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Faults below HTTP a test scripts: new connections dropped before the request is read, downloads broken or stalled
 * halfway.
 */
class NetworkFaultTest {

    private static final byte[] SAMPLE = SampleVideo.BYTES;

    // started once for the class, reset before each test, closed after the last
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().fixedClip().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    @Test
    void aConnectionDroppedBeforeTheRequestIsReadNeverReachesTheEmulator() {
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
    void aKeptAliveConnectionIsNotDropped() {
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
    void aBrokenDownloadPromisesTheWholeVideoButSendsHalf() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.breakNextDownloads(1);

        TestClient.Received broken = client.receive(client.getRequest(url));

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(broken.contentLength()).isEqualTo(SAMPLE.length);
        assertThat(broken.body()).hasSizeLessThan(SAMPLE.length).isEqualTo(Arrays.copyOf(SAMPLE, broken.body().length));
        assertThat(broken.failure()).as("the read that hit the end").isNotNull();
        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::status)
                .isEqualTo(200);

        HttpResponse<byte[]> complete = client.download(url, null);

        assertThat(complete.body()).isEqualTo(SAMPLE);
        assertThat(emulator.downloads()).hasSize(2);
    }

    @Test
    void aStalledDownloadSendsHalfThenHoldsTheConnectionUntilTheClientLeaves() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.stallNextDownloads(1);

        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            assertThat(connection.getContentLengthLong()).isEqualTo(SAMPLE.length);
            byte[] half = in.readNBytes(SAMPLE.length / 2);
            assertThat(half).isEqualTo(Arrays.copyOf(SAMPLE, SAMPLE.length / 2));
            assertThat(emulator.downloadsInFlight()).isEqualTo(1);
        } finally {
            connection.disconnect();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> emulator.downloadsInFlight() == 0);
        assertThat(client.download(url, null).body())
                .as("the next GET is whole")
                .isEqualTo(SAMPLE);
        assertThat(emulator.downloadsInFlight()).isZero();
    }

    @Test
    void headRequestsAndUnknownVideosUseUpNoBreak() throws Exception {
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
        emulator.stallNextDownloads(3);

        emulator.reset();

        assertThat(client.download(url, null).body()).isEqualTo(SAMPLE);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> emulator.dropNextConnections(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.breakNextDownloads(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.stallNextDownloads(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
