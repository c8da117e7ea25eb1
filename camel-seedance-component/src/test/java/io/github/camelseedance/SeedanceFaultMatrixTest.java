package io.github.camelseedance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault the provider or the network can produce, with its outcome and the exact number of POSTs the emulator
 * received. Retry waits are shortened with retryDelay; what is retried is decided as in production.
 */
class SeedanceFaultMatrixTest extends SeedanceTestSupport {

    private static final String VIDEO_JSON =
            "{\"data\":[{\"url\":\"https://cdn.example/v.mp4\",\"revised_prompt\":\"\"}]," + "\"created\":1760347750}";

    @TempDir
    Path output;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate?retryDelay=10&maxRetryDelay=5s");
                from("direct:ambiguousRetried").to("seedance:generate?retryDelay=10&retryAmbiguousFailures=true");
                from("direct:slow").to("seedance:generate?requestTimeout=1s&retryDelay=10");
                from("direct:toFile")
                        .to("seedance:generate?download=true")
                        .to("file:" + output + "?fileName=video.mp4&tempPrefix=.part-");
            }
        };
    }

    private Exchange generate(String endpoint) {
        return template.request(endpoint, e -> e.getMessage().setBody("A tide pool at low tide"));
    }

    @Test
    void rateLimitWithRetryAfterIsRetriedOnce() {
        SEEDANCE.enqueue(EmulatorResponse.error(429, "slow down", "rate_limit_error", null, 429)
                .withHeader("Retry-After", "1"));
        assertThat(generate("direct:generate").getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(2);
    }

    @Test
    void providerOutagesAreRetried() {
        SEEDANCE.enqueue(EmulatorResponse.error(503, "no provider", "server_error", null, 503));
        SEEDANCE.enqueue(EmulatorResponse.error(502, "provider down", "server_error", null, 502));
        SEEDANCE.enqueue(EmulatorResponse.error(408, "provider timeout", "server_error", null, 408));
        assertThat(generate("direct:generate").getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(4);
    }

    @Test
    void serverErrorAndGatewayTimeoutAreNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.error(500, "boom", "server_error", null, 500));
        assertThat(generate("direct:generate").getException()).hasMessageContaining("HTTP 500");
        SEEDANCE.enqueue(EmulatorResponse.error(504, "late", "server_error", null, 504));
        assertThat(generate("direct:generate").getException()).hasMessageContaining("HTTP 504");
        assertThat(SEEDANCE.generationCount()).isEqualTo(2);
    }

    @Test
    void connectionResetBeforeTheRequestArrivedIsNotRetriedByDefault() {
        SEEDANCE.emulator().dropNextConnections(1);
        Exchange exchange = generate("direct:generate");
        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("may already be generating");
        assertThat(SEEDANCE.generationCount())
                .as("the request never reached the emulator")
                .isZero();
        assertThat(SEEDANCE.emulator().droppedConnections()).isEqualTo(1);
    }

    @Test
    void connectionResetBeforeTheRequestArrivedIsRetriedWhenAllowed() {
        SEEDANCE.emulator().dropNextConnections(1);
        assertThat(generate("direct:ambiguousRetried").getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void connectionResetAfterTheRequestArrivedIsNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.dropConnection());
        assertThat(generate("direct:generate").getException()).isInstanceOf(SeedanceException.class);
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void answerSlowerThanRequestTimeoutIsNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.json(200, VIDEO_JSON).withDelay(Duration.ofSeconds(20)));
        assertThat(generate("direct:slow").getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("requestTimeout")
                .hasMessageContaining("may already be generating");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void truncatedBodyIsNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.truncated(200, "application/json", VIDEO_JSON));
        assertThat(generate("direct:generate").getException()).isInstanceOf(SeedanceException.class);
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonAndEmptyDataFailOnce() {
        SEEDANCE.enqueue(EmulatorResponse.json(200, "{\"data\": [{\"url\": "));
        assertThat(generate("direct:generate").getException()).hasMessageContaining("not a JSON object");
        SEEDANCE.enqueue(EmulatorResponse.json(200, "{\"data\": [], \"created\": 1}"));
        assertThat(generate("direct:generate").getException()).hasMessageContaining("data is empty");
        assertThat(SEEDANCE.generationCount()).isEqualTo(2);
    }

    @Test
    void htmlErrorPageIsReadAsTextAndRetriedOnlyWhenItsStatusAllows() {
        SEEDANCE.enqueue(EmulatorResponse.raw(403, "text/html", "<html><h1>403 Forbidden</h1></html>"));
        assertThat(generate("direct:generate").getException())
                .hasMessageContaining("non-JSON")
                .hasMessageContaining("403 Forbidden");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void oversizedAnswerIsRefusedWithoutReadingItWhole() {
        SEEDANCE.enqueue(EmulatorResponse.json(
                200,
                "{\"data\":[{\"url\":\"https://cdn.example/v.mp4\",\"revised_prompt\":\"" + "x".repeat(3 * 1024 * 1024)
                        + "\"}]}"));
        assertThat(generate("direct:generate").getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("larger than 1024 KiB");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void redirectToAnotherHostIsNotFollowedSoTheKeyStaysWithTheApiHost() {
        try (SeedanceEmulator otherHost = SeedanceEmulator.builder()
                .host("127.0.0.2")
                .apiKey(API_KEY)
                .build()
                .start()) {
            SEEDANCE.enqueue(EmulatorResponse.raw(307, "text/plain", "")
                    .withHeader("Location", otherHost.baseUrl() + "/v1/videos/generations"));

            Exchange exchange = generate("direct:generate");

            assertThat(exchange.getException())
                    .isInstanceOf(SeedanceApiException.class)
                    .hasMessageContaining("HTTP 307")
                    .hasMessageContaining("not followed");
            assertThat(SEEDANCE.generationCount()).isEqualTo(1);
            assertThat(otherHost.generationCount())
                    .as("requests that reached the other host")
                    .isZero();
        }
    }

    /** The route writes under a temporary name first, so a broken video never appears under its final name. */
    @Test
    void downloadThatBreaksMidwayNeverAppearsUnderTheFinalName() throws IOException {
        SEEDANCE.emulator().breakNextDownloads(1);

        Exchange exchange = generate("direct:toFile");

        assertThat(exchange.getException()).isNotNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
        assertThat(output.resolve("video.mp4")).doesNotExist();
    }
}
