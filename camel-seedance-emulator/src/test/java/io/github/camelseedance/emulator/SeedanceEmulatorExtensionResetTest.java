package io.github.camelseedance.emulator;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Registered on a static field, the extension runs one emulator for all tests of a class and resets it before each:
 * the first test here leaves state behind, the later ones find the same emulator with none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedanceEmulatorExtensionResetTest {

    private static final Duration LATENCY = Duration.ofMillis(20);

    @RegisterExtension
    static SeedanceEmulatorExtension seedance =
            SeedanceEmulatorExtension.builder().latency(LATENCY).fixedClip().build();

    private static String firstTestsBaseUrl;

    // a new client each time, so each call opens a new connection
    private static TestClient client() {
        return new TestClient(seedance.baseUrl(), seedance.apiKey());
    }

    @Test
    @Order(1)
    void aTestLeavesRecordsLatencyAndPendingFaultsBehind() {
        firstTestsBaseUrl = seedance.baseUrl();
        assertThat(client().generate(VALID_BODY).statusCode()).isEqualTo(200);
        seedance.setLatency(Duration.ofSeconds(5));
        seedance.dropNextConnections(3);
        assertThatThrownBy(() -> client().generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        seedance.breakNextDownloads(3);

        assertThat(seedance.generationCount()).isEqualTo(1);
        assertThat(seedance.maxConcurrentGenerations()).isEqualTo(1);
        assertThat(seedance.droppedConnections()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theNextTestGetsTheSameEmulator() {
        assumeTrue(firstTestsBaseUrl != null, "runs after the test that leaves state behind");

        assertThat(seedance.baseUrl()).isEqualTo(firstTestsBaseUrl);
    }

    @Test
    @Order(3)
    void theNextTestFindsItReset() throws Exception {
        assumeTrue(firstTestsBaseUrl != null, "runs after the test that leaves state behind");

        assertThat(seedance.generationCount()).isZero();
        assertThat(seedance.maxConcurrentGenerations()).isZero();
        assertThat(seedance.droppedConnections()).isZero();
        assertThat(seedance.emulator().latency()).isEqualTo(LATENCY);
        String url = json(client().generate(VALID_BODY)).at("/data/0/url").asText();
        assertThat(client().download(url, null).body()).hasSize((int) seedance.videoSize());
    }
}
