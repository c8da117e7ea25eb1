package io.github.camelseedance.emulator;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator's {@code firstAttemptFault} option over HTTP: each distinct request is turned away once and goes through
 * when repeated. How requests are told apart is FirstAttemptFaultsTest's.
 */
class FirstAttemptFaultOptionTest {

    // started once for the class; the reset before each test forgets the bodies seen
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE = SeedanceEmulatorExtension.builder()
            .firstAttemptFault(Fault.RATE_LIMITED)
            .build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    @Test
    void aFirstAttemptIsAnsweredWithTheFaultAndRecordedSo() {
        HttpResponse<String> response = client.generate(VALID_BODY);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(emulator.generationRequests())
                .singleElement()
                .satisfies(r -> assertThat(r.fault()).isEqualTo(Fault.RATE_LIMITED))
                .satisfies(r -> assertThat(r.status()).isEqualTo(429));
    }

    @Test
    void itsRepeatsAreAnsweredNormally() {
        client.generate(VALID_BODY);

        HttpResponse<String> repeat = client.generate(VALID_BODY);
        HttpResponse<String> again = client.generate(VALID_BODY);

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(emulator.generationRequests())
                .extracting(RecordedRequest::fault)
                .containsExactly(Fault.RATE_LIMITED, null, null);
    }

    @Test
    void resetForgetsTheBodiesSeen() {
        client.generate(VALID_BODY);

        emulator.reset();

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(429);
    }

    @Test
    void retryingEachOfNDistinctRequestsOnceMakesExactly2NPosts() {
        int distinct = 10;
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            String body = VALID_BODY.replace("shiba inu", "dog number " + i);
            requests.add(client.generateAsync(body)
                    .thenCompose(first -> first.statusCode() == 429
                            ? client.generateAsync(body).thenApply(HttpResponse::statusCode)
                            : CompletableFuture.completedFuture(first.statusCode())));
        }

        assertThat(requests).allSatisfy(request -> assertThat(request.join()).isEqualTo(200));
        assertThat(emulator.generationCount()).isEqualTo(2 * distinct);
        assertThat(emulator.generationRequests())
                .filteredOn(r -> r.fault() == Fault.RATE_LIMITED)
                .hasSize(distinct);
    }

    @Test
    void unauthorisedAttemptIsAnswered401AndDoesNotCountAsSeen() {
        HttpResponse<String> unauthorised =
                client.send(client.generation(VALID_BODY).build());

        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(429);
        assertThat(emulator.generationRequests())
                .extracting(RecordedRequest::fault)
                .containsExactly(null, Fault.RATE_LIMITED);
    }

    @Test
    void invalidRequestIsAnswered400EveryTime() {
        String invalid = "{\"model\":\"m\"}";

        assertThat(client.generate(invalid).statusCode()).isEqualTo(400);
        assertThat(client.generate(invalid).statusCode()).isEqualTo(400);
        assertThat(emulator.generationRequests())
                .extracting(RecordedRequest::fault)
                .containsOnlyNulls();
    }

    @Test
    void scriptedAnswerTakesPrecedenceAndLeavesTheFirstAttemptFaultPending() {
        emulator.enqueue(EmulatorResponse.error(418, "scripted", "test", null, null));

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(418);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(429);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void theConfiguredFaultIsReported() {
        assertThat(emulator.firstAttemptFault()).isEqualTo(Fault.RATE_LIMITED);
        assertThat(SeedanceEmulator.builder().build().firstAttemptFault()).isNull();
    }

    @Test
    void anyFaultKindIsAnsweredAsTheRandomOneWouldBe() {
        try (SeedanceEmulator unavailable = SeedanceEmulator.builder()
                .firstAttemptFault(Fault.SERVICE_UNAVAILABLE)
                .build()
                .start()) {
            TestClient client = new TestClient(unavailable.baseUrl(), unavailable.apiKey());

            assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(503);
            assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFaultedFirstAttemptUsesNoRandomDraw() {
        try (SeedanceEmulator both = SeedanceEmulator.builder()
                        .firstAttemptFault(Fault.RATE_LIMITED)
                        .faultRate(0.5)
                        .faultSeed(11)
                        .faults(Fault.SERVICE_UNAVAILABLE)
                        .build()
                        .start();
                SeedanceEmulator reference = SeedanceEmulator.builder()
                        .faultRate(0.5)
                        .faultSeed(11)
                        .faults(Fault.SERVICE_UNAVAILABLE)
                        .build()
                        .start()) {
            TestClient first = new TestClient(both.baseUrl(), both.apiKey());
            assertThat(first.generate(VALID_BODY).statusCode()).isEqualTo(429);

            List<Integer> afterwards = statuses(first, 30);

            assertThat(afterwards)
                    .as("the random sequence starts where it would have")
                    .isEqualTo(statuses(new TestClient(reference.baseUrl(), reference.apiKey()), 30))
                    .contains(200, 503);
        }
    }

    @Test
    void nullKindIsRejected() {
        assertThatThrownBy(() -> SeedanceEmulator.builder().firstAttemptFault(null))
                .isInstanceOf(NullPointerException.class);
    }

    private static List<Integer> statuses(TestClient client, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.generate(VALID_BODY).statusCode());
        }
        return statuses;
    }
}
