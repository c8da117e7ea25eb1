package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random faults over HTTP: what each one looks like to a client and how it is recorded, which requests take a draw,
 * and the options that set them. The sequence of draws itself is FaultInjectorTest's.
 */
class RandomFaultTest {

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
            // the video is the one rendered for the request: promised whole, cut short, then whole on a later GET
            assertThat(broken.contentLength()).isEqualTo(again.body().length);
            assertThat(broken.body()).hasSizeLessThan(again.body().length);
            assertThat(again.body())
                    .as("a later download of the same video")
                    .startsWith(broken.body())
                    .isEqualTo(client.download(url, null).body());
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
            assertThat(client.download(url, null).statusCode()).isEqualTo(200);
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
    void requestsThatDrawNoFaultAreAnsweredNormally() {
        try (SeedanceEmulator emulator =
                SeedanceEmulator.builder().faultRate(0.3).faultSeed(7).build().start()) {
            List<Fault> faults = faultsOf(emulator, 50);

            assertThat(faults)
                    .containsNull()
                    .anySatisfy(fault -> assertThat(fault).isNotNull());
            assertThat(emulator.generationRequests())
                    .filteredOn(r -> r.fault() == null)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        }
    }

    @Test
    void setFaultRateChangesTheRateForTheRequestsThatFollow() {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .faultRate(0.5)
                .faultSeed(9)
                .faults(Fault.SERVICE_UNAVAILABLE)
                .build()
                .start()) {
            emulator.setFaultRate(0);

            assertThat(emulator.faultRate()).isZero();
            assertThat(faultsOf(emulator, 30)).containsOnlyNulls();
        }
    }

    @Test
    void resetRestoresTheConfiguredRateAndStartsTheSequenceAgain() {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .faultRate(0.5)
                .faultSeed(9)
                .faults(Fault.SERVICE_UNAVAILABLE)
                .build()
                .start()) {
            List<Fault> first = faultsOf(emulator, 30);
            emulator.setFaultRate(0);

            emulator.reset();

            assertThat(emulator.faultRate()).isEqualTo(0.5);
            assertThat(faultsOf(emulator, 30)).isEqualTo(first).contains(Fault.SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void noFaultsByDefault() {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            assertThat(emulator.faultRate()).isZero();
            assertThat(emulator.faults()).containsExactly(Fault.values());
            assertThat(faultsOf(emulator, 20)).containsOnlyNulls();
        }
    }

    @Test
    void theConfiguredSeedIsReported() {
        assertThat(SeedanceEmulator.builder().faultSeed(123).build().faultSeed())
                .isEqualTo(123);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void aFaultRateOutsideZeroToOneIsRejectedNamingTheOption(double rate) {
        SeedanceEmulator emulator = SeedanceEmulator.builder().build();

        assertThatThrownBy(() -> SeedanceEmulator.builder().faultRate(rate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faultRate");
        assertThatThrownBy(() -> emulator.setFaultRate(rate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faultRate");
    }

    @Test
    void faultKindsMustBeGivenAndNotNull() {
        assertThatThrownBy(() -> SeedanceEmulator.builder().faults()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedanceEmulator.builder().faults(Fault.SERVER_ERROR, null))
                .isInstanceOf(IllegalArgumentException.class);
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
