package io.github.camelseedance.emulator;

import java.io.IOException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a user's route test runs the emulator: register the extension, point the component at {@code baseUrl()}. What
 * is reset between tests is SeedanceEmulatorExtensionResetTest's.
 */
class SeedanceEmulatorExtensionTest {

    @RegisterExtension
    static SeedanceEmulatorExtension seedance =
            SeedanceEmulatorExtension.builder().apiKey("route-test-key").build();

    @Test
    void emulatorIsRunningWithTheConfiguredKey() {
        assertThat(seedance.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(seedance.apiKey()).isEqualTo("route-test-key");
        assertThat(seedance.emulator().isRunning()).isTrue();
    }

    @Test
    void scriptedAnswersAreAvailableThroughTheExtension() {
        seedance.enqueue(EmulatorResponse.error(402, "Balance insufficient", "billing_error", null, 402));

        assertThat(send()).isEqualTo(402);
        assertThat(seedance.violations()).isEmpty();
    }

    @Test
    void concurrencyAndFaultsAreAvailableThroughTheExtension() {
        assertThat(send()).isEqualTo(200);
        assertThat(seedance.maxConcurrentGenerations()).isEqualTo(1);
        assertThat(seedance.generationsInFlight()).isZero();

        seedance.dropNextConnections(1);
        assertThatThrownBy(SeedanceEmulatorExtensionTest::send).hasCauseInstanceOf(IOException.class);
        assertThat(seedance.droppedConnections()).isEqualTo(1);

        String url = TestClient.json(client().generate(TestClient.VALID_BODY))
                .at("/data/0/url")
                .asText();
        seedance.breakNextDownloads(1);
        assertThatThrownBy(() -> client().download(url, null)).isInstanceOf(IOException.class);
        assertThat(seedance.isFixedClip())
                .as("videos are rendered unless fixedClip() is chosen")
                .isFalse();
    }

    // a new client each time, so each call opens a new connection
    private static int send() {
        return client().generate(TestClient.VALID_BODY).statusCode();
    }

    private static TestClient client() {
        return new TestClient(seedance.baseUrl(), seedance.apiKey());
    }

    /** Registered on an instance field, where JUnit skips class callbacks: each test gets its own emulator. */
    @Nested
    class RegisteredOnAnInstanceField {

        @RegisterExtension
        SeedanceEmulatorExtension perTest = SeedanceEmulatorExtension.builder().build();

        @Test
        void emulatorIsStartedBeforeTheTest() {
            assertThat(perTest.emulator().isRunning()).isTrue();
            assertThat(perTest.apiKey()).isEqualTo("emulator-key");
            assertThat(new TestClient(perTest.baseUrl(), perTest.apiKey())
                            .generate(TestClient.VALID_BODY)
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void emulatorIsSeparateFromTheClassWideOne() {
            assertThat(perTest.baseUrl()).isNotEqualTo(seedance.baseUrl());
        }
    }

    /** The video size option reaches the emulator the extension runs. */
    @Nested
    class WithALargerVideo {

        private static final long SIZE = 1024 * 1024;

        @RegisterExtension
        SeedanceEmulatorExtension large =
                SeedanceEmulatorExtension.builder().videoSize(SIZE).build();

        @Test
        void downloadsHaveTheConfiguredSize() throws Exception {
            TestClient client = new TestClient(large.baseUrl(), large.apiKey());
            String url = TestClient.json(client.generate(TestClient.VALID_BODY))
                    .at("/data/0/url")
                    .asText();

            assertThat(large.videoSize()).isEqualTo(SIZE);
            assertThat(client.download(url, null).body()).hasSize((int) SIZE);
        }
    }

    /** The TLS option reaches the emulator the extension runs. */
    @Nested
    class WithTls {

        @RegisterExtension
        SeedanceEmulatorExtension secure =
                SeedanceEmulatorExtension.builder().tls().build();

        @Test
        void servesHttpsToAClientTrustingTheStore() {
            assertThat(secure.baseUrl()).startsWith("https://127.0.0.1:");
            assertThat(TestClient.trusting(secure.emulator())
                            .generate(TestClient.VALID_BODY)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    /** The first-attempt fault option reaches the emulator the extension runs. */
    @Nested
    class WithFirstAttemptFaults {

        @RegisterExtension
        SeedanceEmulatorExtension flaky = SeedanceEmulatorExtension.builder()
                .firstAttemptFault(Fault.REQUEST_TIMEOUT)
                .build();

        @Test
        void firstAttemptIsFaultedAndItsRepeatSucceeds() {
            TestClient client = new TestClient(flaky.baseUrl(), flaky.apiKey());

            assertThat(client.generate(TestClient.VALID_BODY).statusCode()).isEqualTo(408);
            assertThat(client.generate(TestClient.VALID_BODY).statusCode()).isEqualTo(200);
        }
    }
}
