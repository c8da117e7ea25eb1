package io.github.camelseedance.emulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers a test queues with {@code enqueue}: each answers the next valid generation, in order, as given (an error, a
 * raw page, a dropped connection, a body cut short, after a delay), then normal service resumes.
 */
class ScriptedAnswerTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    @Test
    void anErrorAnswersTheNextValidRequestThenNormalServiceResumes() {
        emulator.enqueue(EmulatorResponse.error(429, "Rate limit reached", "rate_limit_error", null, 429)
                .withHeader("Retry-After", "2"));

        HttpResponse<String> limited = client.generate(VALID_BODY);
        HttpResponse<String> normal = client.generate(VALID_BODY);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        JsonNode error = json(limited).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Rate limit reached");
        assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").asInt()).isEqualTo(429);
        assertThat(normal.statusCode()).isEqualTo(200);
        assertThat(emulator.generationRequests())
                .extracting(RecordedRequest::status)
                .containsExactly(429, 200);
    }

    @Test
    void answersAreUsedInTheOrderQueued() {
        emulator.enqueue(EmulatorResponse.json(502, "{\"error\":{\"message\":\"upstream down\"}}"));
        emulator.enqueue(EmulatorResponse.json(503, "{\"error\":{\"message\":\"no provider\"}}"));

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(502);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(503);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void aRawAnswerIsSentAsGiven() {
        emulator.enqueue(EmulatorResponse.raw(502, "text/html", "<html>Bad Gateway</html>"));

        HttpResponse<String> response = client.generate(VALID_BODY);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).isEqualTo("<html>Bad Gateway</html>");
    }

    @Test
    void anInvalidRequestIsJudgedBeforeTheQueueAndLeavesItInPlace() {
        emulator.enqueue(EmulatorResponse.error(503, "no provider", "server_error", null, 503));

        assertThat(client.generate("{\"model\":\"m\"}").statusCode()).isEqualTo(400);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(503);
    }

    @Test
    void aDroppedConnectionEndsTheRequestWithoutAnAnswer() {
        emulator.enqueue(EmulatorResponse.dropConnection());

        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(-1);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void aDelayedAnswerStillArrives() {
        emulator.enqueue(EmulatorResponse.error(502, "upstream down", "server_error", null, 502)
                .withDelay(Duration.ofMillis(200)));

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(502);
    }

    @Test
    void aDelayedDropStillDrops() {
        emulator.enqueue(EmulatorResponse.dropConnection().withDelay(Duration.ofMillis(100)));

        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedAnswerPromisesMoreThanItSendsThenCloses() throws Exception {
        String body = "{\"data\":[{\"url\":\"http://";
        emulator.enqueue(EmulatorResponse.truncated(200, "application/json", body));

        TestClient.Received received = client.receive(client.authorizedGeneration(VALID_BODY));

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(received.contentLength()).isEqualTo(body.length() + 100);
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(received.failure()).as("the read that hit the end").isNotNull();
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(200);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void aTruncatedAnswerKeepsItsDelayAndHeaders() throws Exception {
        emulator.enqueue(EmulatorResponse.truncated(429, "application/json", "{\"error\":")
                .withDelay(Duration.ofMillis(100))
                .withHeader("Retry-After", "3"));

        TestClient.Received received = client.receive(client.authorizedGeneration(VALID_BODY));

        assertThat(received.status()).isEqualTo(429);
        assertThat(received.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(received.body()).hasSizeLessThan((int) received.contentLength());
    }

    @Test
    void aTruncatedAnswerWithAnEmptyBodySendsOnlyItsHeaders() throws Exception {
        emulator.enqueue(EmulatorResponse.truncated(502, null, null));

        TestClient.Received received = client.receive(client.authorizedGeneration(VALID_BODY));

        assertThat(received.status()).isEqualTo(502);
        assertThat(received.contentLength()).isEqualTo(100);
        assertThat(received.body()).isEmpty();
    }
}
