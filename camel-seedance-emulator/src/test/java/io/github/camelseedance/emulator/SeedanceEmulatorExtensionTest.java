package io.github.camelseedance.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a user's route test runs the emulator: register the extension, point the component at {@code baseUrl()}. */
class SeedanceEmulatorExtensionTest {

    private static final Duration LATENCY = Duration.ofMillis(20);

    @RegisterExtension
    static SeedanceEmulatorExtension seedance = SeedanceEmulatorExtension.builder()
            .apiKey("route-test-key")
            .latency(LATENCY)
            .build();

    private static String startedAt;

    @Test
    void emulatorIsRunningWithTheConfiguredKey() {
        assertThat(seedance.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(seedance.apiKey()).isEqualTo("route-test-key");
        assertThat(seedance.emulator().isRunning()).isTrue();
    }

    @Test
    void oneEmulatorServesAllTestsOfTheClass() {
        checkSameEmulator();
    }

    @Test
    void oneEmulatorServesAllTestsOfTheClassToo() {
        checkSameEmulator();
    }

    // whichever of the two runs second proves the records were cleared in between
    @Test
    void recordsStartEmptyInEveryTest() {
        assertThat(seedance.generationCount()).isZero();
        send();
        assertThat(seedance.generationCount()).isEqualTo(1);
    }

    @Test
    void recordsStartEmptyInEveryTestToo() {
        assertThat(seedance.generationCount()).isZero();
        send();
        assertThat(seedance.generationRequests()).singleElement().extracting(RecordedRequest::status).isEqualTo(200);
    }

    @Test
    void latencyChangedByOneTestIsRestoredForTheNext() {
        assertThat(seedance.emulator().latency()).isEqualTo(LATENCY);
        seedance.setLatency(Duration.ofSeconds(5));
    }

    @Test
    void latencyChangedByOneTestIsRestoredForTheNextToo() {
        assertThat(seedance.emulator().latency()).isEqualTo(LATENCY);
        seedance.setLatency(Duration.ofSeconds(5));
    }

    @Test
    void scriptedAnswersAreAvailableThroughTheExtension() {
        seedance.enqueue(EmulatorResponse.error(402, "Balance insufficient", "billing_error", null, 402));

        assertThat(send()).isEqualTo(402);
        assertThat(seedance.violations()).isEmpty();
    }

    private static synchronized void checkSameEmulator() {
        if (startedAt == null) {
            startedAt = seedance.baseUrl();
        }
        assertThat(seedance.baseUrl()).isEqualTo(startedAt);
    }

    private static int send() {
        return new TestClient(seedance.baseUrl(), seedance.apiKey()).generate(TestClient.VALID_BODY).statusCode();
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
            assertThat(new TestClient(perTest.baseUrl(), perTest.apiKey()).generate(TestClient.VALID_BODY)
                    .statusCode()).isEqualTo(200);
        }

        @Test
        void emulatorIsSeparateFromTheClassWideOne() {
            assertThat(perTest.baseUrl()).isNotEqualTo(seedance.baseUrl());
        }
    }
}
