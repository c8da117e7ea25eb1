package io.github.camelseedance;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint's counters as an operator reads them: through the seedance dev console (text and JSON) and as JMX
 * attributes of the endpoint's MBean, after a video, a local refusal, a retry and an API error; the key in neither.
 */
class SeedanceMonitoringTest extends SeedanceTestSupport {

    /** The key written into the URI too, so that the sanitized URI is put to the test. */
    private static final String URI = "seedance:generate?retryDelay=10ms&apiKey=RAW(" + API_KEY + ")";

    private static final String CAPPED = "seedance:generate?maxConcurrentRequests=2";
    private static final String FETCH = "seedance:download?retryDelay=10ms";

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withEnableJMX();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to(URI);
                from("direct:capped").to(CAPPED);
                from("direct:fetch").to(FETCH);
            }
        };
    }

    /** A video after one retry, a request refused before sending, and an API error echoing the key. */
    private void runOneOfEach() {
        SEEDANCE.enqueue(EmulatorResponse.error(503, "Overloaded", "service_unavailable_error", null, null));
        assertThat(send("A lighthouse at dusk", null).getException()).isNull();
        assertThat(send("A lighthouse at dawn", 7L).getException()).isInstanceOf(InvalidVideoRequestException.class);
        SEEDANCE.enqueue(EmulatorResponse.error(
                401, "Incorrect API key provided: " + API_KEY, "authentication_error", null, "invalid_api_key"));
        assertThat(send("A lighthouse at night", null).getException()).isInstanceOf(SeedanceApiException.class);
        // a generation gives its permit back, and leaves the count, just after its exchange completes
        SeedanceEndpoint endpoint = context.getEndpoint(URI, SeedanceEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.getGenerationsInFlight() == 0);
    }

    private Exchange send(String prompt, Long seconds) {
        return template.send("direct:generate", e -> {
            e.getMessage().setBody(prompt);
            if (seconds != null) {
                e.getMessage().setHeader(SeedanceConstants.SECONDS, seconds);
            }
        });
    }

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertThat(registry).as("camel-console's registry").isNotNull();
        DevConsole console = registry.resolveById("seedance");
        assertThat(console).as("the seedance console, found on the classpath").isNotNull();
        return console;
    }

    @Test
    void theDevConsoleListsTheEndpointWithItsCountersAsJson() {
        runOneOfEach();

        JsonObject root = (JsonObject) console().call(DevConsole.MediaType.JSON);

        JsonObject endpoint = consoleEntry(root, "seedance://generate?apiKey=");
        assertThat(endpoint.getString("uri")).startsWith("seedance://generate").doesNotContain(API_KEY);
        assertThat(endpoint.getLong("videos")).isEqualTo(1);
        assertThat(endpoint.getLong("refusedLocally")).isEqualTo(1);
        assertThat(endpoint.getLong("apiErrors")).isEqualTo(1);
        assertThat((Map<?, ?>) endpoint.get("apiErrorsByStatus")).isEqualTo(Map.of("401", 1L));
        assertThat(endpoint.getLong("retriesScheduled")).isEqualTo(1);
        assertThat(endpoint.getLong("transportFailures")).isZero();
        assertThat(endpoint.getLong("generationsInFlight")).isZero();
        assertThat(endpoint.getLong("generationsWaitingForPermit")).isZero();
        assertThat(endpoint.getString("lastError"))
                .startsWith("SeedanceApiException: Seedance API returned HTTP 401")
                .contains("[redacted]")
                .doesNotContain(API_KEY);
        assertThat(endpoint.getString("lastErrorTime")).isNotBlank();
        assertThat(root.toJson()).doesNotContain(API_KEY);
    }

    /** The console's entry for the endpoint whose sanitized URI contains {@code part}. */
    private static JsonObject consoleEntry(JsonObject root, String part) {
        List<?> endpoints = (List<?>) root.get("endpoints");
        assertThat(endpoints).hasSize(3);
        return endpoints.stream()
                .map(JsonObject.class::cast)
                .filter(endpoint -> endpoint.getString("uri").contains(part))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDevConsoleTextNamesTheEndpointAndEachCounter() {
        runOneOfEach();

        String text = (String) console().call(DevConsole.MediaType.TEXT);

        assertThat(text)
                .startsWith("seedance://generate?")
                .contains("    videos: 1\n", "    refusedLocally: 1\n", "    apiErrors: 1\n")
                .contains("    apiErrorsByStatus: {401=1}\n", "    retriesScheduled: 1\n")
                .contains("    lastError: SeedanceApiException: Seedance API returned HTTP 401")
                .doesNotContain(API_KEY);
    }

    @Test
    void theEndpointMBeanCarriesTheCountersAsAttributes() throws Exception {
        runOneOfEach();
        MBeanServer server =
                context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName name = context.getManagementStrategy()
                .getManagementObjectNameStrategy()
                .getObjectNameForEndpoint(context.getEndpoint(URI));
        assertThat(server.isRegistered(name)).as("%s registered", name).isTrue();

        assertThat(server.getAttribute(name, "Videos")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "RefusedLocally")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "ApiErrors")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "ApiErrorsByStatus")).isEqualTo(Map.of(401, 1L));
        assertThat(server.getAttribute(name, "RetriesScheduled")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "TransportFailures")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "LateBilledAnswers")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "GenerationsInFlight")).isEqualTo(0);
        assertThat(server.getAttribute(name, "GenerationsWaitingForPermit")).isEqualTo(0);
        assertThat((String) server.getAttribute(name, "LastError"))
                .startsWith("SeedanceApiException: Seedance API returned HTTP 401")
                .doesNotContain(API_KEY);
        // Camel's own endpoint attributes are still there beside ours
        assertThat((String) server.getAttribute(name, "EndpointUri")).startsWith("seedance://generate");

        assertThat(name.toString()).doesNotContain(API_KEY);
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
            assertThat(String.valueOf(server.getAttribute(name, attribute.getName())))
                    .as(attribute.getName())
                    .doesNotContain(API_KEY);
        }
    }

    /**
     * Of three exchanges on an endpoint capped at two: one turned away with a Retry-After waits for its retry holding
     * its permit, one is at the provider, and the third waits for a permit.
     */
    @Test
    void theGaugesShowWhatIsInFlightNow() throws Exception {
        SEEDANCE.setLatency(Duration.ofSeconds(3));
        SEEDANCE.enqueue(EmulatorResponse.error(503, "Overloaded", "service_unavailable_error", null, null)
                .withHeader("Retry-After", "4"));
        MBeanServer server =
                context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName name = context.getManagementStrategy()
                .getManagementObjectNameStrategy()
                .getObjectNameForEndpoint(context.getEndpoint(CAPPED));
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String prompt = "A tram in the snow, take " + i;
            sent.add(template.asyncSend("direct:capped", e -> e.getMessage().setBody(prompt)));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        server.getAttribute(name, "GenerationsWaitingForRetry").equals(1));
        assertThat(server.getAttribute(name, "GenerationsInFlight")).isEqualTo(2);
        assertThat(server.getAttribute(name, "GenerationsWaitingForPermit")).isEqualTo(1);
        JsonObject now = consoleEntry((JsonObject) console().call(DevConsole.MediaType.JSON), "maxConcurrentRequests");
        assertThat(now.getInteger("generationsInFlight")).isEqualTo(2);
        assertThat(now.getInteger("generationsWaitingForPermit")).isEqualTo(1);
        assertThat(now.getInteger("generationsWaitingForRetry")).isEqualTo(1);

        for (CompletableFuture<Exchange> future : sent) {
            assertThat(future.get(60, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(server.getAttribute(name, "Videos")).isEqualTo(3L);
        assertThat(server.getAttribute(name, "RetriesScheduled")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "ApiErrors")).isEqualTo(0L);
    }

    @Test
    void aDownloadTakenUpAgainAfterABreakIsCountedWhenItEnds() throws Exception {
        String url = template.requestBody("direct:generate", "A heron taking off", String.class);
        SEEDANCE.breakNextDownloadAt(1000);

        Exchange fetched = template.request("direct:fetch", e -> e.getMessage().setBody(url));
        try (InputStream video = fetched.getMessage().getBody(InputStream.class)) {
            assertThat(video.readAllBytes()).hasSize((int) SEEDANCE.videoSize(url));
        }

        SeedanceEndpoint endpoint = context.getEndpoint(FETCH, SeedanceEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.getDownloadsResumed() == 1);
        assertThat(endpoint.getVideos()).isEqualTo(1);
        assertThat(endpoint.getDownloadFailures()).isZero();
    }
}
