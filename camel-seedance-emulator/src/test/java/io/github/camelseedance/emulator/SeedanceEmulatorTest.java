package io.github.camelseedance.emulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void validGenerationIsAnsweredWithAVideoUrlOnTheEmulator() {
        HttpResponse<String> response = client.generate(VALID_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.at("/data/0/url").asText())
                .startsWith(emulator.baseUrl() + "/videos/")
                .endsWith(".mp4");
        assertThat(body.at("/data/0/revised_prompt").isTextual()).isTrue();
        assertThat(body.get("created").isIntegralNumber()).isTrue();
        assertThat(body.get("created").asLong())
                .isGreaterThan(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void everyGenerationGetsAFreshVideoId() {
        String first = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        String second = json(client.generate(VALID_BODY)).at("/data/0/url").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void validRequestIsRecordedWithHeadersBodyAndStatus() {
        client.generate(VALID_BODY);

        assertThat(emulator.generationCount()).isEqualTo(1);
        RecordedRequest recorded = emulator.generationRequests().get(0);
        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/v1/videos/generations");
        assertThat(recorded.header("AUTHORIZATION")).isEqualTo("Bearer test-key");
        assertThat(recorded.headers()).containsKey("content-type");
        assertThat(recorded.body()).isEqualTo(VALID_BODY);
        assertThat(recorded.json().get("seconds").asInt()).isEqualTo(5);
        assertThat(recorded.violations()).isEmpty();
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.toString()).doesNotContain("test-key");
    }

    @Test
    void wrongKeyIsAnswered401InTheProviderErrorShape() {
        HttpResponse<String> response = client.send(client.generation(VALID_BODY)
                .header("Authorization", "Bearer wrong-key")
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = json(response).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Incorrect API key provided");
        assertThat(error.get("type").asText()).isEqualTo("authentication_error");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(emulator.violations()).isEmpty();
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(401);
    }

    @Test
    void missingAuthorizationIsAnswered401AndRecordedAsAViolation() {
        HttpResponse<String> response =
                client.send(client.generation(VALID_BODY).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(emulator.violations()).singleElement().asString().contains("Authorization");
    }

    @Test
    void invalidBodyIsAnswered400WithTheFirstViolation() {
        HttpResponse<String> response =
                client.generate("{\"model\":\"ByteDance-Seedance-1.5-pro\",\"prompt\":\"p\",\"seconds\":\"5\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("message").asText()).contains("'seconds'", "\"5\"");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("seconds");
        assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
        assertThat(emulator.violations()).containsExactly(error.get("message").asText());
        assertThat(emulator.generationRequests().get(0).status()).isEqualTo(400);
    }

    @Test
    void violationsAreFlattenedAcrossRequests() {
        client.generate("{\"model\":\"m\",\"prompt\":\"p\",\"seed\":null}");
        client.generate("{\"model\":\"m\",\"prompt\":\"p\",\"resolution\":\"4k\",\"aspect_ratio\":\"4:3\"}");

        assertThat(emulator.violations()).hasSize(3);
    }

    @Test
    void enqueuedErrorAnswersTheNextValidRequestThenNormalServiceResumes() {
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
    void enqueuedResponsesAreUsedInOrder() {
        emulator.enqueue(EmulatorResponse.json(502, "{\"error\":{\"message\":\"upstream down\"}}"));
        emulator.enqueue(EmulatorResponse.json(503, "{\"error\":{\"message\":\"no provider\"}}"));

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(502);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(503);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void enqueuedRawResponseIsSentAsGiven() {
        emulator.enqueue(EmulatorResponse.raw(502, "text/html", "<html>Bad Gateway</html>"));

        HttpResponse<String> response = client.generate(VALID_BODY);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).isEqualTo("<html>Bad Gateway</html>");
    }

    @Test
    void invalidRequestIsJudgedBeforeTheQueueAndLeavesItInPlace() {
        emulator.enqueue(EmulatorResponse.error(503, "no provider", "server_error", null, 503));

        assertThat(client.generate("{\"model\":\"m\"}").statusCode()).isEqualTo(400);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(503);
    }

    @Test
    void droppedConnectionEndsTheRequestWithoutAnAnswer() {
        emulator.enqueue(EmulatorResponse.dropConnection());

        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(-1);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void delayedResponseIsAnsweredAfterItsDelay() {
        emulator.enqueue(EmulatorResponse.error(502, "upstream down", "server_error", null, 502)
                .withDelay(Duration.ofMillis(200)));

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(502);
    }

    @Test
    void delayedDropConnectionDropsAfterItsDelay() {
        emulator.enqueue(EmulatorResponse.dropConnection().withDelay(Duration.ofMillis(100)));

        assertThatThrownBy(() -> client.generate(VALID_BODY)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void latencyIsAppliedOnTimersSoConcurrentSlowRequestsAllSucceed() {
        emulator.setLatency(Duration.ofMillis(300));

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 20)
                .mapToObj(i -> client.generateAsync(VALID_BODY))
                .toList();

        assertThat(calls)
                .allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        assertThat(emulator.generationCount()).isEqualTo(20);
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
    void downloadServesTheMp4AndRecordsThatNoCredentialsWereSent() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();

        HttpResponse<byte[]> video = client.download(url, null);

        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(video.headers().firstValueAsLong("Content-Length")).hasValue(video.body().length);
        assertThat(new String(video.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftyp");
        assertThat(emulator.downloads()).singleElement().satisfies(download -> {
            assertThat(download.path())
                    .isEqualTo(url.substring(emulator.baseUrl().length()));
            assertThat(download.authorization()).isNull();
            assertThat(download.status()).isEqualTo(200);
        });
    }

    @Test
    void downloadWithAuthorizationIsRecordedSoTestsCanCatchLeakedCredentials() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();

        client.download(url, "Bearer test-key");

        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::authorization)
                .isEqualTo("Bearer test-key");
        assertThat(emulator.downloads().get(0).toString()).doesNotContain("test-key");
    }

    @Test
    void unknownVideoIdIsAnswered404() throws Exception {
        HttpResponse<byte[]> response = client.download(emulator.baseUrl() + "/videos/never-issued.mp4", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"error\"");
        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::status)
                .isEqualTo(404);
    }

    @Test
    void unknownPathIsAnswered404InTheErrorShape() {
        HttpResponse<String> response = client.get("/v1/models");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(emulator.generationCount()).isZero();
    }

    @Test
    void getOnTheGenerationEndpointIsAnswered405() {
        HttpResponse<String> response = client.get("/v1/videos/generations");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void charsetInContentTypeIsAccepted() {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/v1/videos/generations"))
                        .header("Authorization", "Bearer test-key")
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(VALID_BODY))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void lifecycleMisuseIsRejectedClearly() {
        SeedanceEmulator notStarted = SeedanceEmulator.builder().build();

        assertThatThrownBy(notStarted::baseUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start()");
        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
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
}
