package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Random faults over HTTP: what each one looks like to a client, how it is recorded, and that a seed replays a run. */
class RandomFaultTest {

    private static final byte[] SAMPLE = VideoLibrary.load();

    @Test
    void errorFaultsAnswerWithTheirStatusAndTheProvidersErrorShape() {
        for (Fault fault :
                List.of(Fault.RATE_LIMITED, Fault.REQUEST_TIMEOUT, Fault.SERVICE_UNAVAILABLE, Fault.SERVER_ERROR)) {
            try (SeedanceEmulator emulator = alwaysFaulting(fault)) {
                HttpResponse<String> response = client(emulator).generate(VALID_BODY);

                assertThat(response.statusCode()).as(fault.name()).isEqualTo(fault.status());
                assertThat(json(response).at("/error/message").asText())
                        .as(fault.name())
                        .isNotBlank();
                assertThat(emulator.generationRequests())
                        .singleElement()
                        .satisfies(r -> assertThat(r.fault()).isEqualTo(fault))
                        .satisfies(r -> assertThat(r.status()).isEqualTo(fault.status()));
            }
        }
    }

    @Test
    void rateLimitAsksToRetryAfterOneSecond() {
        try (SeedanceEmulator emulator = alwaysFaulting(Fault.RATE_LIMITED)) {
            assertThat(client(emulator).generate(VALID_BODY).headers().firstValue("Retry-After"))
                    .hasValue("1");
        }
    }

    @Test
    void badGatewayIsAnHtmlPageAsFromAProxy() {
        try (SeedanceEmulator emulator = alwaysFaulting(Fault.BAD_GATEWAY)) {
            HttpResponse<String> response = client(emulator).generate(VALID_BODY);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
            assertThat(emulator.generationRequests())
                    .singleElement()
                    .extracting(RecordedRequest::fault)
                    .isEqualTo(Fault.BAD_GATEWAY);
        }
    }

    @Test
    void droppedConnectionEndsTheRequestWithoutAnAnswer() {
        try (SeedanceEmulator emulator = alwaysFaulting(Fault.DROPPED_CONNECTION)) {
            TestClient client = client(emulator);

            assertThatThrownBy(() -> client.generate(VALID_BODY))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(IOException.class);

            assertThat(emulator.generationRequests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.fault()).isEqualTo(Fault.DROPPED_CONNECTION))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(-1));
        }
    }

    @Test
    void brokenDownloadIsASuccessWhoseFirstDownloadBreaksHalfway() throws Exception {
        try (SeedanceEmulator emulator = alwaysFaulting(Fault.BROKEN_DOWNLOAD)) {
            TestClient client = client(emulator);
            HttpResponse<String> generated = client.generate(VALID_BODY);
            String url = json(generated).at("/data/0/url").asText();

            TestClient.Received broken = client.receive(client.getRequest(url));
            HttpResponse<byte[]> again = client.download(url, null);

            assertThat(generated.statusCode()).isEqualTo(200);
            assertThat(emulator.generationRequests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.fault()).isEqualTo(Fault.BROKEN_DOWNLOAD))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(broken.contentLength()).isEqualTo(SAMPLE.length);
            assertThat(broken.body()).hasSizeLessThan(SAMPLE.length);
            assertThat(again.body()).as("a later download of the same video").isEqualTo(SAMPLE);
        }
    }

    @Test
    void aBrokenVideoDoesNotUseUpABreakScriptedForAnotherDownload() throws Exception {
        try (SeedanceEmulator emulator = alwaysFaulting(Fault.BROKEN_DOWNLOAD)) {
            TestClient client = client(emulator);
            String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
            emulator.breakNextDownloads(1);

            assertThatThrownBy(() -> client.download(url, null)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> client.download(url, null))
                    .as("the scripted break")
                    .isInstanceOf(IOException.class);
            assertThat(client.download(url, null).body()).isEqualTo(SAMPLE);
        }
    }

    @Test
    void scriptedAnswersAndInvalidRequestsGetNoFaultAndUseNoDraw() {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                        .faultRate(1)
                        .faultSeed(3)
                        .build()
                        .start();
                SeedanceEmulator reference = SeedanceEmulator.builder()
                        .faultRate(1)
                        .faultSeed(3)
                        .build()
                        .start()) {
            TestClient client = client(emulator);
            emulator.enqueue(EmulatorResponse.error(418, "scripted", "test", null, null));

            assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(418);
            assertThat(client.generate("{\"model\":\"m\"}").statusCode()).isEqualTo(400);
            List<Fault> afterwards = faultsOf(emulator, 20);

            assertThat(emulator.generationRequests().subList(0, 2))
                    .extracting(RecordedRequest::fault)
                    .containsOnlyNulls();
            assertThat(afterwards).as("the sequence starts where it would have").isEqualTo(faultsOf(reference, 20));
        }
    }

    @Test
    void theSameSeedReplaysTheSameFaultsAndDrawsAboutTheRate() {
        try (SeedanceEmulator first = SeedanceEmulator.builder()
                        .faultRate(0.3)
                        .faultSeed(7)
                        .build()
                        .start();
                SeedanceEmulator second = SeedanceEmulator.builder()
                        .faultRate(0.3)
                        .faultSeed(7)
                        .build()
                        .start()) {
            List<Fault> faults = faultsOf(first, 200);

            assertThat(faultsOf(second, 200)).isEqualTo(faults);
            long faulted = faults.stream().filter(f -> f != null).count();
            // binomial(200, 0.3): mean 60, standard deviation about 6.5
            assertThat(faulted).isBetween(30L, 90L);
            assertThat(first.generationRequests())
                    .filteredOn(r -> r.fault() == null)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        }
    }

    @Test
    void rateCanChangeWhileRunningAndResetRestoresItWithTheSequence() {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .faultRate(0.5)
                .faultSeed(9)
                .faults(Fault.SERVICE_UNAVAILABLE)
                .build()
                .start()) {
            List<Fault> first = faultsOf(emulator, 30);
            emulator.setFaultRate(0);

            assertThat(faultsOf(emulator, 30)).containsOnlyNulls();
            assertThat(emulator.faultRate()).isZero();

            emulator.reset();

            assertThat(emulator.faultRate()).isEqualTo(0.5);
            assertThat(faultsOf(emulator, 30)).isEqualTo(first).contains(Fault.SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void noFaultsByDefaultAndTheSeedIsKnownEvenWhenChosenAtRandom() {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            assertThat(emulator.faultRate()).isZero();
            assertThat(emulator.faults()).containsExactly(Fault.values());
            assertThat(faultsOf(emulator, 20)).containsOnlyNulls();
        }
        assertThat(SeedanceEmulator.builder().faultSeed(123).build().faultSeed())
                .isEqualTo(123);
    }

    @Test
    void faultOptionsAreChecked() {
        assertThatThrownBy(() -> SeedanceEmulator.builder().faultRate(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedanceEmulator.builder().faultRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedanceEmulator.builder().faults()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedanceEmulator.builder().faults(Fault.SERVER_ERROR, null))
                .isInstanceOf(IllegalArgumentException.class);
        SeedanceEmulator emulator = SeedanceEmulator.builder().build();
        assertThatThrownBy(() -> emulator.setFaultRate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultKindsAreClassifiedForRetrying() {
        assertThat(EnumSet.allOf(Fault.class))
                .filteredOn(Fault::notStarted)
                .extracting(Fault::status)
                .containsExactlyInAnyOrder(429, 408, 502, 503);
        assertThat(EnumSet.allOf(Fault.class))
                .filteredOn(Fault::ambiguous)
                .containsExactlyInAnyOrder(Fault.SERVER_ERROR, Fault.DROPPED_CONNECTION);
    }

    private static SeedanceEmulator alwaysFaulting(Fault fault) {
        return SeedanceEmulator.builder()
                .faultRate(1)
                .faultSeed(1)
                .faults(fault)
                .build()
                .start();
    }

    private static TestClient client(SeedanceEmulator emulator) {
        return new TestClient(emulator.baseUrl(), emulator.apiKey());
    }

    // sequential valid requests, so the n-th draw goes to the n-th request; returns the faults recorded for them
    private static List<Fault> faultsOf(SeedanceEmulator emulator, int count) {
        TestClient client = client(emulator);
        int before = emulator.generationCount();
        for (int i = 0; i < count; i++) {
            try {
                client.generate(VALID_BODY);
            } catch (UncheckedIOException dropped) {
                // a dropped connection: recorded like any other request
            }
        }
        List<Fault> faults = new ArrayList<>();
        emulator.generationRequests().subList(before, before + count).forEach(r -> faults.add(r.fault()));
        return faults;
    }
}
