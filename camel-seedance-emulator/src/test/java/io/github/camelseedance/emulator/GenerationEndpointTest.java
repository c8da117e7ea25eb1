package io.github.camelseedance.emulator;

import java.net.http.HttpResponse;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/videos/generations as a client sees it: the answers, the errors in the provider's shape, the records. */
class GenerationEndpointTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey("test-key").build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), "test-key");

    @Test
    void aValidGenerationIsAnsweredWithAVideoUrlOnTheEmulator() {
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
    void aValidRequestIsRecordedWithHeadersBodyAndStatus() {
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
    void aWrongKeyIsAnswered401InTheProvidersErrorShape() {
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
    void aMissingAuthorizationIsAnswered401AndRecordedAsAViolation() {
        HttpResponse<String> response =
                client.send(client.generation(VALID_BODY).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(emulator.violations()).singleElement().asString().contains("Authorization");
    }

    @Test
    void anInvalidBodyIsAnswered400WithTheFirstViolation() {
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
    void getOnTheGenerationEndpointIsAnswered405() {
        HttpResponse<String> response = client.get("/v1/videos/generations");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
}
