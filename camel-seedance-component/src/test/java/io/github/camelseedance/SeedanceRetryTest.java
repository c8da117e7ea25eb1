package io.github.camelseedance;

import java.net.InetAddress;
import java.net.ServerSocket;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is sent again, how often, and what is never sent twice. Waits are kept short with retryDelay. */
class SeedanceRetryTest extends SeedanceTestSupport {

    private static final String FAST = "seedance:generate?retryDelay=10&maxRetryDelay=5s";

    private Exchange generate(String uri) {
        return template.request(uri, e -> e.getMessage().setBody("A lantern festival at night"));
    }

    private static EmulatorResponse status(int status) {
        return EmulatorResponse.error(status, "status " + status, "server_error", null, status);
    }

    @Test
    void retriesServiceUnavailableUntilItSucceeds() {
        SEEDANCE.enqueue(status(503));
        SEEDANCE.enqueue(status(503));

        Exchange exchange = generate(FAST);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith(SEEDANCE.baseUrl());
        assertThat(SEEDANCE.generationCount()).isEqualTo(3);
    }

    @Test
    void retriesTimeoutRateLimitAndBadGateway() {
        SEEDANCE.enqueue(status(408));
        SEEDANCE.enqueue(status(429));
        SEEDANCE.enqueue(status(502));

        assertThat(generate(FAST).getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(4);
    }

    @Test
    void givesUpAfterMaxRetriesAndSaysHowManyAttemptsWereMade() {
        for (int i = 0; i < 5; i++) {
            SEEDANCE.enqueue(status(503));
        }

        Exchange exchange = generate(FAST + "&maxRetries=2");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceApiException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(((SeedanceException) exchange.getException()).getAttempts()).isEqualTo(3);
        assertThat(SEEDANCE.generationCount()).isEqualTo(3);
    }

    @Test
    void honoursRetryAfter() {
        SEEDANCE.enqueue(status(429).withHeader("Retry-After", "1"));

        assertThat(generate(FAST).getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(2);
    }

    @Test
    void retryAfterLongerThanTheCapFailsAtOnceWithTheWaitInTheMessage() {
        SEEDANCE.enqueue(status(429).withHeader("Retry-After", "3600"));

        Exchange exchange = generate(FAST);

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceApiException.class)
                .hasMessageContaining("retry after 3600s")
                .hasMessageContaining("maxRetryDelay 5s");
        assertThat(((SeedanceApiException) exchange.getException()).getRetryAfter())
                .hasHours(1);
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void neverRetriesAnAmbiguousServerErrorByDefault() {
        SEEDANCE.enqueue(status(500));

        Exchange exchange = generate(FAST);

        assertThat(exchange.getException())
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("retryAmbiguousFailures=true");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void neverRetriesAGatewayTimeoutByDefault() {
        SEEDANCE.enqueue(status(504));

        assertThat(generate(FAST).getException()).hasMessageContaining("HTTP 504");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void neverRetriesAConnectionLostAfterTheRequestWasSentByDefault() {
        SEEDANCE.enqueue(EmulatorResponse.dropConnection());

        assertThat(generate(FAST).getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("may already be generating");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void retriesAmbiguousFailuresWhenTheUserAcceptsPayingTwice() {
        SEEDANCE.enqueue(status(500));
        SEEDANCE.enqueue(EmulatorResponse.dropConnection());

        assertThat(generate(FAST + "&retryAmbiguousFailures=true").getException())
                .isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(3);
    }

    @Test
    void neverRetriesARejectedRequest() {
        SEEDANCE.enqueue(EmulatorResponse.error(400, "bad prompt", "invalid_request_error", "prompt", "invalid"));

        Exchange exchange = generate(FAST);

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceApiException.class)
                .hasMessageNotContaining("attempts");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void retriesWhenNoConnectionCouldBeMade() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Exchange exchange = generate(FAST + "&maxRetries=2&baseUrl=http://127.0.0.1:" + closedPort);

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(exchange.getException().getMessage()).containsIgnoringCase("connection refused");
    }

    @Test
    void logsEachRetryAtDebugWithAttemptAndDelay() {
        SEEDANCE.enqueue(status(503));

        try (LogCapture log = new LogCapture(Level.DEBUG)) {
            assertThat(generate(FAST).getException()).isNull();

            assertThat(log.lines())
                    .anySatisfy(line -> assertThat(line)
                            .contains("attempt 1 failed", "HTTP 503", "attempt 2 in")
                            .containsPattern("in \\d+ ms"));
        }
    }

    @Test
    void maxRetriesZeroSendsOnce() {
        SEEDANCE.enqueue(status(503));

        assertThat(generate(FAST + "&maxRetries=0").getException()).hasMessageContaining("gave up after 1 attempt");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }
}
