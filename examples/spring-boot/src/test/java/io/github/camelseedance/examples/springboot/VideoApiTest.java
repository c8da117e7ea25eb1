package io.github.camelseedance.examples.springboot;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.emulator.EmulatorResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a client sees it, over real HTTP, started through its main method against the emulator (the key
 * is blanked, so a key in the environment cannot send these requests to the real API).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        useMainMethod = UseMainMethod.ALWAYS,
        properties = "SEEDANCE_API_KEY=")
class VideoApiTest extends ApplicationOverHttp {

    @Test
    void aRequestIsAcceptedAtOnceAndPolledUntilItsVideoIsReady() throws Exception {
        HttpResponse<String> accepted = post("""
                {"prompt": "A lighthouse at dusk", "model": "SIRAYA-Seedance-2.0", "seconds": 10,
                 "resolution": "480p", "aspect_ratio": "9:16"}""");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = JSON.readTree(accepted.body());
        assertThat(location).isEqualTo("/videos/" + job.get("id").asText());
        assertThat(job.get("status").asText()).isIn("pending", "done");

        JsonNode done = awaitOutcome(location);
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("videoUrl").asText()).startsWith(emulator.baseUrl());
        assertThat(done.get("requestedModel").asText()).isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(done.get("created").asLong()).isPositive();
        assertThat(done.has("revisedPrompt")).isTrue();
        assertThat(done.has("error")).isFalse();

        assertThat(emulator.generationCount()).isEqualTo(1);
        JsonNode sent = emulator.generationRequests().get(0).json();
        assertThat(sent.get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(sent.get("seconds").asInt()).isEqualTo(10);
        assertThat(emulator.violations()).isEmpty();
    }

    @Test
    void fieldsLeftOutComeFromTheApplicationsDefaults() throws Exception {
        HttpResponse<String> accepted = post("{\"prompt\": \"A paper boat in the rain\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(awaitOutcome(accepted.headers().firstValue("Location").orElseThrow())
                        .get("status")
                        .asText())
                .isEqualTo("done");

        JsonNode sent = emulator.generationRequests().get(0).json();
        assertThat(sent.get("model").asText()).isEqualTo("ByteDance-Seedance-1.5-pro");
        assertThat(sent.get("resolution").asText()).isEqualTo("720p");
        assertThat(sent.get("seconds").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"prompt\": \"A fox\", \"seconds\": 7}                         | seconds",
                "{\"prompt\": \"A fox\", \"aspect_ratio\": \"4:3\"}              | aspect_ratio",
                "{\"prompt\": \"A fox\", \"aspectRatio\": \"16:9\"}              | aspectRatio",
                "{\"seconds\": 5}                                                | prompt",
                "{\"prompt\": \"A fox\", \"seconds\": 5.9}                       | seconds",
                "{\"prompt\": \"A fox\", \"seconds\": \"5\"}                     | seconds",
                "{\"prompt\": \"A fox\", \"frame_images\": [{\"type\": \"middle\", \"url\": \"https://x.example/a.png\"}]} | frame_images",
                "{\"prompt\": \"A fox\"                                          | body",
                "[]                                                              | body",
            })
    void aBadRequestIsRefusedNamingTheFieldAndNothingIsSent(String json, String field) throws Exception {
        HttpResponse<String> refused = post(json);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(emulator.generationCount()).isZero();
    }

    @Test
    void aGenerationTheProviderRefusesIsReportedAsFailedWithItsStatus() throws Exception {
        emulator.enqueue(EmulatorResponse.error(402, "Insufficient balance", "billing_error", null, null));

        HttpResponse<String> accepted = post("{\"prompt\": \"A fox in the snow\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode failed = awaitOutcome(accepted.headers().firstValue("Location").orElseThrow());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("providerStatus").asInt()).isEqualTo(402);
        assertThat(failed.get("error").asText()).contains("Insufficient balance");
        assertThat(failed.has("videoUrl")).isFalse();
        assertThat(emulator.generationCount()).isEqualTo(1);
    }

    @Test
    void anUnknownVideoIsNotFound() throws Exception {
        assertThat(get("/videos/no-such-id").statusCode()).isEqualTo(404);
    }

    @Test
    void theActuatorHealthIsUpWithCamelsHealthChecksAmongItsComponents() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        // camel-spring-boot's indicator: every Camel health check, the context's first, with its details
        JsonNode camel = body.path("components").path("camelHealth");
        assertThat(camel.path("status").asText()).as("camelHealth in %s", body).isEqualTo("UP");
        assertThat(camel.path("details").path("context").asText()).isEqualTo("UP");
        // the component's readiness check: the provider's free model list answered
        assertThat(camel.path("details").properties())
                .as("the seedance check among %s", camel)
                .anySatisfy(check -> {
                    assertThat(check.getKey()).startsWith("producer:seedance-generate");
                    assertThat(check.getValue().asText()).isEqualTo("UP");
                });
    }
}
