package io.github.camelseedance;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generate endpoint's readiness check against the emulator: UP on the model list, DOWN with the provider's reason on
 * 401, 402 and 403, UP and rate limited on 429, DOWN with the cause on 5xx or no connection; one GET /v1/models per
 * healthCheckInterval however often it is probed, and never a generation; the key in no detail, message or log line.
 */
class SeedanceHealthCheckTest extends SeedanceTestSupport {

    private static final String WRONG_KEY = "sk-wrong-health-key-5e4d3c2b1a";
    private static final String ID = "producer:seedance-generate";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SeedanceComponent quiet = pointedAt(SEEDANCE, API_KEY);
        quiet.setHealthCheckProducerEnabled(false);
        context.addComponent("quiet", quiet);
        // producer checks are off in Camel until switched on, as camel.health.producers-enabled=true does
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate");
                from("direct:wrongKey").to("seedance:generate?apiKey=RAW(" + WRONG_KEY + ")");
                from("direct:cached").to("seedance:generate?healthCheckInterval=1h");
                from("direct:short").to("seedance:generate?healthCheckInterval=50");
                from("direct:download").to("seedance:download");
                from("direct:quiet").to("quiet:generate");
            }
        };
    }

    @Test
    void isUpWhenTheModelListAnswersAndAsksForItWithTheKeyWithoutGenerating() {
        HealthCheck.Result result = probe(ID);

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getCheck().isReadiness()).isTrue();
        assertThat(result.getCheck().isLiveness()).isFalse();
        Map<String, Object> details = result.getDetails();
        assertThat(details)
                .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 200)
                .containsEntry(SeedanceHealthCheck.API, SEEDANCE.baseUrl())
                .containsEntry(HealthCheck.ENDPOINT_URI, "seedance://generate")
                .containsEntry(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS);
        assertThat(Instant.parse((String) details.get(SeedanceHealthCheck.CHECKED_AT)))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(SEEDANCE.modelRequests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v1/models");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        });
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    @Test
    void isDownWithTheProvidersReasonForAWrongKey() {
        HealthCheck.Result result = probe(idOf("seedance:generate?apiKey=RAW(" + WRONG_KEY + ")"));

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("HTTP 401")
                        .contains("Incorrect API key provided")
                        .contains("Check the apiKey option"));
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(SEEDANCE.modelRequests()).extracting(RecordedRequest::status).containsExactly(401);
    }

    @ParameterizedTest
    @ValueSource(ints = {402, 403})
    void isDownWithTheProvidersReasonWhenTheAccountIsRefused(int status) {
        SEEDANCE.enqueueModels(EmulatorResponse.error(
                status, "Refused " + status + ": top up or ask support", "billing_error", null, "refused_" + status));

        HealthCheck.Result result = probe(ID);

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("HTTP " + status)
                        .contains("Refused " + status + ": top up or ask support")
                        .contains("code=refused_" + status));
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, status);
    }

    @Test
    void isUpAndRateLimitedOn429() {
        SEEDANCE.enqueueModels(EmulatorResponse.error(429, "Rate limit reached", "rate_limit_error", null, 429)
                .withHeader("Retry-After", "2"));

        HealthCheck.Result result = probe(ID);

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails())
                .containsEntry(SeedanceHealthCheck.RATE_LIMITED, true)
                .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 429);
        assertThat(result.getMessage())
                .hasValueSatisfying(message ->
                        assertThat(message).startsWith("Rate limited").contains("Rate limit reached"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void isDownWithTheCauseOnAServerError(int status) {
        SEEDANCE.enqueueModels(
                EmulatorResponse.error(status, "upstream trouble " + status, "server_error", null, status));

        HealthCheck.Result result = probe(ID);

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(message ->
                        assertThat(message).contains("HTTP " + status).contains("upstream trouble " + status));
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, status);
    }

    @Test
    void isDownWithTheCauseWhenNothingListens() throws Exception {
        int closedPort = closedLoopbackPort();
        String uri = "seedance:generate?baseUrl=http://127.0.0.1:" + closedPort;
        addRoute("direct:nowhere", uri);

        HealthCheck.Result result = probe(idOf(uri));

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("Could not connect to the Seedance API at http://127.0.0.1:" + closedPort));
        assertThat(result.getError()).isPresent();
        assertThat(result.getDetails())
                .containsEntry(SeedanceHealthCheck.API, "http://127.0.0.1:" + closedPort)
                .doesNotContainKey(HealthCheck.HTTP_RESPONSE_CODE);
    }

    @Test
    void manyProbesWithinTheIntervalMakeOneRequest() throws Exception {
        String id = idOf("seedance:generate?healthCheckInterval=1h");
        List<HealthCheck.Result> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(probe(id));
        }
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HealthCheck.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(() -> probe(id));
            }
            for (Future<HealthCheck.Result> result : callers.invokeAll(calls)) {
                results.add(result.get());
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(results)
                .hasSize(100)
                .allSatisfy(result -> assertThat(result.getState()).isEqualTo(HealthCheck.State.UP));
        assertThat(SEEDANCE.modelRequestCount()).isEqualTo(1);
    }

    @Test
    void probesMadeAtOnceShareOneRequest() throws Exception {
        String id = idOf("seedance:generate?healthCheckInterval=1h");
        SEEDANCE.enqueueModels(
                EmulatorResponse.json(200, "{\"object\":\"list\",\"data\":[]}").withDelay(Duration.ofMillis(500)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<HealthCheck.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> probe(id)));
            }
            for (Future<HealthCheck.Result> result : results) {
                assertThat(result.get().getState()).isEqualTo(HealthCheck.State.UP);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(SEEDANCE.modelRequestCount()).isEqualTo(1);
    }

    @Test
    void aDownAnswerIsKeptForTheIntervalToo() {
        String id = idOf("seedance:generate?healthCheckInterval=1h");
        SEEDANCE.enqueueModels(EmulatorResponse.error(503, "no provider", "server_error", null, 503));

        HealthCheck.Result first = probe(id);
        HealthCheck.Result second = probe(id);

        assertThat(first.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(second.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(second.getDetails().get(SeedanceHealthCheck.CHECKED_AT))
                .isEqualTo(first.getDetails().get(SeedanceHealthCheck.CHECKED_AT));
        assertThat(SEEDANCE.modelRequestCount()).isEqualTo(1);
    }

    @Test
    void asksAgainOnceTheIntervalHasPassed() {
        String id = idOf("seedance:generate?healthCheckInterval=50");
        SEEDANCE.enqueueModels(EmulatorResponse.error(503, "no provider", "server_error", null, 503));
        assertThat(probe(id).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(SEEDANCE.modelRequestCount()).isEqualTo(1);

        // each probe asks at most once, so the count reaches 2 before any probe could make a third request
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            probe(id);
            return SEEDANCE.modelRequestCount() >= 2;
        });

        assertThat(SEEDANCE.modelRequestCount()).isEqualTo(2);
        assertThat(probe(id).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    @Test
    void onlyGenerateEndpointsOfComponentsThatKeepProducerChecksOnHaveOne() {
        assertThat(HealthCheckRegistry.get(context).getCheckIDs())
                .contains(ID)
                .noneMatch(id -> id.contains("download"))
                .noneMatch(id -> id.startsWith("producer:quiet"));
    }

    @Test
    void theCheckGoesWithItsEndpoint() throws Exception {
        assertThat(HealthCheckRegistry.get(context).getCheck(ID)).isPresent();

        context.removeEndpoint(context.getEndpoint("seedance:generate"));

        assertThat(HealthCheckRegistry.get(context).getCheck(ID)).isEmpty();
    }

    @Test
    void noDetailMessageErrorOrLogLineShowsTheKey() throws Exception {
        String nowhere = "seedance:generate?baseUrl=http://127.0.0.1:" + closedLoopbackPort();
        addRoute("direct:nowhere", nowhere);
        // looked up before the capture: Camel itself logs an endpoint URI it is asked for at TRACE, key and all
        String wrongKey = idOf("seedance:generate?apiKey=RAW(" + WRONG_KEY + ")");
        String cached = idOf("seedance:generate?healthCheckInterval=1h");
        String shortLived = idOf("seedance:generate?healthCheckInterval=50");
        String unreachable = idOf(nowhere);
        List<HealthCheck.Result> results = new ArrayList<>();
        List<String> lines;
        try (LogCapture log = new LogCapture(Level.TRACE)) {
            results.add(probe(ID));
            results.add(probe(wrongKey));
            SEEDANCE.enqueueModels(
                    EmulatorResponse.error(402, "Insufficient balance for " + API_KEY, "billing", null, 402));
            results.add(probe(cached));
            SEEDANCE.enqueueModels(EmulatorResponse.error(429, "Slow down, " + API_KEY, "rate_limit", null, 429));
            results.add(probe(shortLived));
            results.add(probe(unreachable));
            lines = log.lines();
        }

        assertThat(results)
                .extracting(HealthCheck.Result::getState)
                .containsExactly(
                        HealthCheck.State.UP,
                        HealthCheck.State.DOWN,
                        HealthCheck.State.DOWN,
                        HealthCheck.State.UP,
                        HealthCheck.State.DOWN);
        List<String> shown = new ArrayList<>();
        for (HealthCheck.Result result : results) {
            shown.add(result.getCheck().getId());
            result.getMessage().ifPresent(shown::add);
            result.getDetails().values().forEach(value -> shown.add(String.valueOf(value)));
            result.getCheck().getMetaData().values().forEach(value -> shown.add(String.valueOf(value)));
            for (Throwable t = result.getError().orElse(null); t != null; t = t.getCause()) {
                shown.add(t.toString());
            }
        }
        assertThat(shown).isNotEmpty().noneMatch(text -> text.contains(API_KEY) || text.contains(WRONG_KEY));
        assertThat(String.join("\n", shown)).contains("Insufficient balance for [redacted]");
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(API_KEY) || line.contains(WRONG_KEY));
    }

    private HealthCheck.Result probe(String id) {
        return HealthCheckHelper.invoke(context, id, Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS))
                .orElseThrow(() -> new AssertionError("no health check " + id + " among "
                        + HealthCheckRegistry.get(context).getCheckIDs()));
    }

    /** The id of the check of the endpoint this URI makes, as Camel normalises and sanitizes it. */
    private String idOf(String uri) {
        return SeedanceHealthCheck.idOf(
                URISupport.sanitizeUri(context.getEndpoint(uri).getEndpointUri()));
    }

    private void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    private static int closedLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
