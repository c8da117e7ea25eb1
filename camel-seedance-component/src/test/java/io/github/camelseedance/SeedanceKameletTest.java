package io.github.camelseedance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets shipped under kamelets/ run from a YAML route loaded by Camel Main, against the emulator: the action
 * turns a prompt or a JSON request into the video URL or the video, the sink sends one generation and logs its URL,
 * and the key shows nowhere.
 */
class SeedanceKameletTest {

    private static final String API_KEY = "sk-kamelet-5e6f7a8b9c0d-secret";
    /** The seedance component's own key, which the emulator refuses unless a test says otherwise. */
    private static final String OTHER_KEY = "sk-component-1a2b3c4d5e6f";
    /**
     * Camel's own DEBUG and TRACE logging of endpoint creation and placeholders shows resolved values, as the README's
     * "Credentials and endpoint URIs" says; every other logger is checked.
     */
    private static final List<String> CAMEL_RESOLVING_LOGGERS = List.of(
            "org.apache.camel.impl.engine.", "org.apache.camel.support.", "org.apache.camel.component.properties.");

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey(API_KEY).build();

    private final Main main = new Main();
    private ProducerTemplate template;

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @Test
    void actionTurnsAPromptIntoTheVideoUrlWithItsPropertiesSent() {
        start(Map.of());

        Exchange result = template.request("direct:action", e -> e.getMessage().setBody("A paper boat on a river"));

        assertThat(result.getException()).isNull();
        String url = result.getMessage().getBody(String.class);
        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/");
        assertThat(result.getMessage().getHeader(SeedanceConstants.VIDEO_URL)).isEqualTo(url);
        assertThat(SEEDANCE.violations()).isEmpty();
        JsonNode sent = onlyGeneration();
        assertThat(sent.get("prompt").asText()).isEqualTo("A paper boat on a river");
        assertThat(sent.get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(sent.get("resolution").asText()).isEqualTo("480p");
        assertThat(sent.get("aspect_ratio").asText()).isEqualTo("1:1");
        assertThat(sent.get("seconds").asInt()).isEqualTo(5);
        assertThat(sent.get("generate_audio").asBoolean()).isFalse();
        assertThat(SEEDANCE.downloads()).isEmpty();
    }

    @Test
    void actionReadsAJsonRequestAndTakesWhatItLeavesOutFromItsProperties() {
        start(Map.of());

        String url = template.requestBody(
                "direct:action",
                "  {\"prompt\": \"A lighthouse at dusk\", \"seconds\": 10, \"aspect_ratio\": \"9:16\"}\n",
                String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/");
        JsonNode sent = onlyGeneration();
        assertThat(sent.get("prompt").asText()).isEqualTo("A lighthouse at dusk");
        assertThat(sent.get("seconds").asInt()).as("from the JSON").isEqualTo(10);
        assertThat(sent.get("aspect_ratio").asText()).as("from the JSON").isEqualTo("9:16");
        assertThat(sent.get("resolution").asText()).as("from the property").isEqualTo("480p");
        assertThat(sent.get("model").asText()).as("from the property").isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(SEEDANCE.violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"prompt\": \"A fox\", \"second\": 10}", "{A fox in the snow}"})
    void actionRefusesAJsonRequestItCannotReadBeforeSendingAnything(String body) {
        start(Map.of());

        Exchange result = template.request("direct:action", e -> e.getMessage().setBody(body));

        assertThat(result.getException()).isNotNull();
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    @Test
    void actionWithDownloadGivesTheVideoItself() throws Exception {
        start(Map.of());

        Exchange result =
                template.request("direct:actionDownload", e -> e.getMessage().setBody("A paper boat on a river"));

        assertThat(result.getException()).isNull();
        byte[] video = result.getMessage().getBody(byte[].class);
        String url = result.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/");
        assertThat(video).hasSize((int) SEEDANCE.videoSize(url)).isEqualTo(fetch(url));
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
        assertThat(SEEDANCE.violations()).isEmpty();
    }

    @Test
    void sinkSendsExactlyOnePostAndLogsTheVideoUrl() {
        List<String> lines;
        Exchange result;
        try (LogCapture log = new LogCapture(Level.INFO)) {
            start(Map.of());
            result = template.request("direct:sink", e -> e.getMessage().setBody("A fox in the snow"));
            lines = log.lines();
        }

        assertThat(result.getException()).isNull();
        assertThat(SEEDANCE.generationRequests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/videos/generations");
            assertThat(request.json().get("prompt").asText()).isEqualTo("A fox in the snow");
            assertThat(request.json().get("seconds").asInt()).isEqualTo(10);
            assertThat(request.json().get("model").asText())
                    .as("the Kamelet's default")
                    .isEqualTo("ByteDance-Seedance-1.5-pro");
        });
        assertThat(SEEDANCE.downloads()).as("the sink downloads nothing").isEmpty();
        String url = result.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/");
        assertThat(lines).containsOnlyOnce("seedance-sink Video generated: " + url);
    }

    @Test
    void withoutAnApiKeyPropertyTheComponentsKeyApplies() {
        start(Map.of("camel.component.seedance.api-key", "{{seedance.api-key}}"));

        String url = template.requestBody("direct:componentKey", "A paper boat on a river", String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/");
        assertThat(SEEDANCE.generationRequests())
                .singleElement()
                .satisfies(
                        request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY));
    }

    @Test
    void theApiKeyPropertyOverridesTheComponentsKey() {
        start(Map.of());

        assertThat(template.request("direct:action", e -> e.getMessage().setBody("A fox"))
                        .getException())
                .isNull();
        assertThat(template.request("direct:componentKey", e -> e.getMessage().setBody("A fox"))
                        .getException())
                .as("the component's key, which the emulator refuses")
                .isInstanceOf(SeedanceApiException.class);
    }

    @Test
    void theKeyShowsInNoRouteDumpLogLineEndpointOrError() {
        List<String> shown = new ArrayList<>();
        List<String> lines;
        try (LogCapture log = new LogCapture(Level.TRACE)) {
            start(Map.of(
                    "camel.main.dump-routes", "yaml",
                    // a dump shows placeholders resolved unless told not to (README, "Credentials and endpoint URIs")
                    "camel.main.dump-routes-resolve-placeholders", "false"));
            shown.add(template.requestBody("direct:action", "A fox in the snow", String.class));
            template.requestBody("direct:actionDownload", "A fox in the snow", byte[].class);
            template.requestBody("direct:sink", "A fox in the snow");
            SEEDANCE.enqueue(EmulatorResponse.error(
                    401, "Incorrect API key provided: " + API_KEY, "authentication_error", null, "invalid_api_key"));
            Exchange failed =
                    template.request("direct:action", e -> e.getMessage().setBody("A fox in the snow"));
            assertThat(failed.getException()).isInstanceOf(SeedanceApiException.class);
            for (Throwable t = failed.getException(); t != null; t = t.getCause()) {
                shown.add(t.toString());
            }
            for (Endpoint endpoint : main.getCamelContext().getEndpoints()) {
                shown.add(endpoint.toString());
            }
            lines = log.lines();
        }

        // the dump was written and every generation reached the emulator
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("org.apache.camel.impl.DefaultDumpRoutesStrategy")
                        .contains("kamelet:seedance-action"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("seedance-sink Video generated"));
        assertThat(SEEDANCE.generationCount()).isEqualTo(4);
        // Camel's resolving loggers were live, and show the key as the README says
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).startsWith("org.apache.camel.support.").contains(API_KEY));
        lines.stream()
                .filter(line -> CAMEL_RESOLVING_LOGGERS.stream().noneMatch(line::startsWith))
                .forEach(shown::add);
        assertThat(shown).hasSizeGreaterThan(100);
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(API_KEY));
    }

    /**
     * Starts Camel Main on routes/kamelets.yaml. The component holds another key unless a test gives it the right one:
     * a generation then succeeds only with the key the Kamelet was given.
     */
    private void start(Map<String, String> properties) {
        main.configure().withRoutesIncludePattern("classpath:routes/kamelets.yaml");
        main.addInitialProperty("seedance.api-key", API_KEY);
        main.addInitialProperty("seedance.base-url", SEEDANCE.baseUrl());
        main.addInitialProperty("seedance.other-api-key", OTHER_KEY);
        main.addInitialProperty("camel.component.seedance.api-key", "{{seedance.other-api-key}}");
        properties.forEach(main::addInitialProperty);
        try {
            main.start();
        } catch (Exception e) {
            throw new AssertionError("Camel Main did not start", e);
        }
        template = main.getCamelContext().createProducerTemplate();
    }

    private static JsonNode onlyGeneration() {
        assertThat(SEEDANCE.generationRequests()).hasSize(1);
        return SEEDANCE.generationRequests().get(0).json();
    }

    /** The video as its host serves it, read here without Camel. */
    private static byte[] fetch(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }
}
