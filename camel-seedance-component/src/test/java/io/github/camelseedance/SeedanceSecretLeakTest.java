package io.github.camelseedance;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key never shows: not in any log line at TRACE, not in exception messages, not in what toString() and printed
 * URIs show, across successful and failing generations.
 */
class SeedanceSecretLeakTest extends SeedanceTestSupport {

    private static final String WRONG_KEY = "sk-wrong-key-7a6b5c4d3e2f";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate?retryDelay=10");
                from("direct:download").to("seedance:generate?download=true").convertBodyTo(byte[].class);
                from("direct:wrongKey").to("seedance:generate?apiKey=RAW(" + WRONG_KEY + ")");
            }
        };
    }

    @Test
    void theKeyAppearsNowhereAcrossSuccessfulAndFailingRuns() throws Exception {
        List<String> shown = new ArrayList<>();
        try (LogCapture log = new LogCapture(Level.TRACE)) {
            shown.add(run("direct:generate", "A fox in the snow"));
            shown.add(run("direct:download", "A fox in the snow"));
            shown.add(run("direct:wrongKey", "A fox in the snow"));
            SEEDANCE.enqueue(EmulatorResponse.error(400, "Incorrect API key provided: " + API_KEY,
                    "invalid_request_error", API_KEY, API_KEY));
            shown.add(run("direct:generate", "A fox in the snow"));
            SEEDANCE.enqueue(EmulatorResponse.raw(503, "text/html", "<h1>busy</h1> Bearer " + API_KEY));
            shown.add(run("direct:generate", "A fox in the snow"));
            SEEDANCE.enqueue(EmulatorResponse.dropConnection());
            shown.add(run("direct:generate", "A fox in the snow"));
            shown.add(run("direct:generate", null));
            shown.add(runAgainstClosedPort());
            shown.addAll(log.lines());
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            shown.add(endpoint.toString());
            shown.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            if (endpoint instanceof SeedanceEndpoint seedance) {
                shown.add(seedance.getConfiguration().toString());
            }
        }
        shown.add(VideoGenerationRequest.builder().prompt("A fox").build().toString());

        assertThat(shown).hasSizeGreaterThan(20);
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(API_KEY));
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(WRONG_KEY));
    }

    /** What a user would see of one exchange: its exception's message and toString, with every cause. */
    private String run(String endpoint, String prompt) {
        Exchange exchange = template.request(endpoint, e -> e.getMessage().setBody(prompt));
        StringBuilder seen = new StringBuilder();
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            seen.append(t.getMessage()).append(" | ").append(t).append(" | ");
        }
        return seen.toString();
    }

    private String runAgainstClosedPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:closed").to("seedance:generate?maxRetries=1&retryDelay=10&baseUrl=http://127.0.0.1:"
                                         + closedPort);
            }
        });
        return run("direct:closed", "A fox");
    }
}
