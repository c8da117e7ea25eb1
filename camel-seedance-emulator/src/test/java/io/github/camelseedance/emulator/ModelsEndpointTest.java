package io.github.camelseedance.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/models}: the documented model ids in an OpenAI-style list behind the generations' key check, recorded
 * apart from generations, never counted as one, and scriptable with {@code enqueueModels}.
 */
class ModelsEndpointTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    @Test
    void listsTheDocumentedModelsInTheProvidersOrder() {
        HttpResponse<String> response = models("Bearer " + emulator.apiKey());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode list = json(response);
        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("data"))
                .extracting(model -> model.get("id").asText())
                .containsExactly(
                        "ByteDance-Seedance-1.0-pro",
                        "ByteDance-Seedance-1.0-pro-fast",
                        "ByteDance-Seedance-1.5-pro",
                        "SIRAYA-Seedance-2.0",
                        "SIRAYA-Seedance-2.0-fast");
        assertThat(list.get("data")).allSatisfy(model -> {
            assertThat(model.get("object").asText()).isEqualTo("model");
            assertThat(model.get("created").asLong()).isEqualTo(ModelsEndpoint.CREATED);
        });
        assertThat(list.get("data").get(0).get("owned_by").asText()).isEqualTo("bytedance");
        assertThat(list.get("data").get(3).get("owned_by").asText()).isEqualTo("siraya");
    }

    @Test
    void aWrongOrMissingKeyGetsTheGenerationsUnauthorisedAnswer() {
        HttpResponse<String> wrong = models("Bearer not-the-key");
        HttpResponse<String> missing = models(null);

        for (HttpResponse<String> response : List.of(wrong, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = json(response).get("error");
            assertThat(error.get("message").asText()).isEqualTo("Incorrect API key provided");
            assertThat(error.get("type").asText()).isEqualTo("authentication_error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
        }
        assertThat(emulator.modelRequests()).extracting(RecordedRequest::status).containsExactly(401, 401);
    }

    @Test
    void isRecordedApartAndNeverCountsAsAGeneration() {
        models("Bearer " + emulator.apiKey());
        models("Bearer " + emulator.apiKey());

        assertThat(emulator.modelRequestCount()).isEqualTo(2);
        assertThat(emulator.modelRequests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v1/models");
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.fault()).isNull();
        });
        assertThat(emulator.generationCount()).isZero();
        assertThat(emulator.generationRequests()).isEmpty();
        assertThat(emulator.violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {402, 403, 429, 500, 502, 503})
    void aQueuedAnswerReplacesTheListOnceThenTheListComesBack(int status) {
        emulator.enqueueModels(EmulatorResponse.error(status, "scripted " + status, "scripted_error", null, status));

        HttpResponse<String> scripted = models("Bearer " + emulator.apiKey());
        HttpResponse<String> after = models("Bearer " + emulator.apiKey());

        assertThat(scripted.statusCode()).isEqualTo(status);
        assertThat(json(scripted).get("error").get("message").asText()).isEqualTo("scripted " + status);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(emulator.modelRequests()).extracting(RecordedRequest::status).containsExactly(status, 200);
    }

    @Test
    void theModelsQueueAndTheGenerationsQueueAreApart() {
        emulator.enqueueModels(EmulatorResponse.error(503, "no provider", "server_error", null, 503));
        emulator.enqueue(EmulatorResponse.error(429, "slow down", "rate_limit_error", null, 429));

        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(429);
        assertThat(models("Bearer " + emulator.apiKey()).statusCode()).isEqualTo(503);
        assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnauthorisedRequestLeavesTheQueueInPlace() {
        emulator.enqueueModels(EmulatorResponse.error(402, "Insufficient balance", "billing_error", null, 402));

        assertThat(models("Bearer not-the-key").statusCode()).isEqualTo(401);
        assertThat(models("Bearer " + emulator.apiKey()).statusCode()).isEqualTo(402);
    }

    @Test
    void aDelayedAnswerComesAfterItsDelay() {
        emulator.enqueueModels(
                EmulatorResponse.error(503, "busy", "server_error", null, 503).withDelay(Duration.ofMillis(50)));

        assertThat(models("Bearer " + emulator.apiKey()).statusCode()).isEqualTo(503);
    }

    @Test
    void otherMethodsAreNotAllowed() {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer " + emulator.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(emulator.modelRequestCount()).isZero();
    }

    @Test
    void resetForgetsTheRequestsAndTheQueuedAnswers() {
        emulator.enqueueModels(EmulatorResponse.error(503, "no provider", "server_error", null, 503));
        models("Bearer not-the-key");

        emulator.reset();

        assertThat(emulator.modelRequestCount()).isZero();
        assertThat(models("Bearer " + emulator.apiKey()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> models(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/models"))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build());
    }
}
