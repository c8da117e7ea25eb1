package io.github.camelseedance.emulator;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator as a whole: where it listens, its builder's checks, its lifecycle, and what reset() restores. */
class SeedanceEmulatorTest {

    private static SeedanceEmulator emulator;
    private static TestClient client;

    @BeforeAll
    static void start() {
        emulator = SeedanceEmulator.builder().apiKey("test-key").build().start();
        client = new TestClient(emulator.baseUrl(), "test-key");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    @Test
    void listensOnLoopbackWithAFreePort() {
        assertThat(emulator.port()).isPositive();
        assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
        assertThat(emulator.apiKey()).isEqualTo("test-key");
    }

    @Test
    void anUnknownPathIsAnswered404InTheErrorShape() {
        HttpResponse<String> response = client.get("/v1/images/generations");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(emulator.generationCount()).isZero();
    }

    @Test
    void resetClearsRecordsAndQueueAndRestoresLatency() throws Exception {
        client.generate("{\"model\":\"m\"}");
        client.download(json(client.generate(VALID_BODY)).at("/data/0/url").asText(), null);
        emulator.enqueue(EmulatorResponse.error(500, "boom", "server_error", null, null));
        emulator.setLatency(Duration.ofSeconds(30));

        emulator.reset();

        assertThat(emulator.generationRequests()).isEmpty();
        assertThat(emulator.generationCount()).isZero();
        assertThat(emulator.violations()).isEmpty();
        assertThat(emulator.downloads()).isEmpty();
        assertThat(emulator.latency()).isEqualTo(Duration.ZERO);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void theBaseUrlOfAnEmulatorNotStartedIsRefused() {
        SeedanceEmulator notStarted = SeedanceEmulator.builder().build();

        assertThatThrownBy(notStarted::baseUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start()");
    }

    @Test
    void startingTwiceIsRefused() {
        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNegativeLatencyIsRejected() {
        assertThatThrownBy(() -> SeedanceEmulator.builder().latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeIsIdempotent() {
        SeedanceEmulator other = SeedanceEmulator.builder().build().start();

        other.close();
        other.close();

        assertThat(other.isRunning()).isFalse();
    }

    @Test
    void theFixedClipsSizeDefaultsToTheSample() {
        SeedanceEmulator fixed = SeedanceEmulator.builder().fixedClip().build();

        assertThat(fixed.isFixedClip()).isTrue();
        assertThat(fixed.videoSize()).isEqualTo(SampleVideo.BYTES.length);
    }

    @Test
    void renderedVideosHaveNoOneSizeAndPaddingChoosesTheFixedClip() {
        SeedanceEmulator rendering = SeedanceEmulator.builder().build();

        assertThat(rendering.isFixedClip()).isFalse();
        assertThatThrownBy(rendering::videoSize)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fixedClip()");
        assertThat(SeedanceEmulator.builder()
                        .videoSize(SampleVideo.BYTES.length + 8L)
                        .build()
                        .isFixedClip())
                .isTrue();
    }

    /** Anything larger than the sample is padded with one MP4 free box, which needs at least its 8-byte header. */
    @Test
    void aVideoSizeTheSampleCannotBePaddedToIsRejected() {
        int sample = SampleVideo.BYTES.length;

        assertThatThrownBy(() -> SeedanceEmulator.builder().videoSize(sample - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> SeedanceEmulator.builder().videoSize(sample + 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("free box");
        assertThat(SeedanceEmulator.builder().videoSize(sample + 8).build().videoSize())
                .isEqualTo(sample + 8);
    }
}
