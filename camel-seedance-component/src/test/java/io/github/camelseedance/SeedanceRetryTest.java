package io.github.camelseedance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the component sends again after the failures a provider and a network produce, counted in the POSTs the
 * emulator received. Which failure is retried is decided as in production (each kind on its own: RetryPolicyTest);
 * waits are kept short with retryDelay.
 */
class SeedanceRetryTest extends SeedanceTestSupport {

    private static final String FAST = "seedance:generate?retryDelay=10&maxRetryDelay=5s";
    private static final String VIDEO_JSON =
            "{\"data\":[{\"url\":\"https://cdn.example/v.mp4\",\"revised_prompt\":\"\"}],\"created\":1760347750}";

    private Exchange generate(String uri) {
        return template.request(uri, e -> e.getMessage().setBody("A lantern festival at night"));
    }

    private static EmulatorResponse status(int status) {
        return EmulatorResponse.error(status, "status " + status, "server_error", null, status);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aGenerationTheProviderDidNotStartIsSentAgainUntilItSucceeds() {
        SEEDANCE.enqueue(status(503));
        SEEDANCE.enqueue(status(503));

        Exchange exchange = generate(FAST);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith(SEEDANCE.baseUrl());
        assertThat(SEEDANCE.generationCount()).isEqualTo(3);
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
    void aRetryAfterIsWaitedOutAndTheGenerationSentAgain() {
        SEEDANCE.enqueue(status(429).withHeader("Retry-After", "1"));

        assertThat(generate(FAST).getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanMaxRetryDelayFailsAtOnceWithTheWaitInTheMessage() {
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
    void aRefusedConnectionIsRetried() throws Exception {
        Exchange exchange = generate(FAST + "&maxRetries=2&baseUrl=http://127.0.0.1:" + closedPort());

        assertThat(exchange.getException()).isInstanceOf(SeedanceException.class);
        SeedanceException failure = (SeedanceException) exchange.getException();
        assertThat(failure.getAttempts()).isEqualTo(3);
        assertThat(failure.isRequestSent()).isFalse();
    }

    /**
     * A listening socket whose accept queue is full drops new connection attempts, so the connection never comes up:
     * the connectTimeout ends the attempt, and since nothing was sent it is retried.
     */
    @Test
    void anAttemptThatCannotConnectWithinTheConnectTimeoutIsRetried() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                        queued.add(socket);
                    } catch (IOException queueFull) {
                        socket.close();
                        break;
                    }
                }
                Exchange exchange = generate(
                        FAST + "&connectTimeout=300&maxRetries=1&baseUrl=http://127.0.0.1:" + full.getLocalPort());

                assertThat(exchange.getException())
                        .isInstanceOf(SeedanceException.class)
                        .hasMessageContaining("Could not connect")
                        .hasMessageContaining("connectTimeout of 300 ms");
                assertThat(((SeedanceException) exchange.getException()).getAttempts())
                        .isEqualTo(2);
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    /** The body may already have gone out on the connection, so the generation may have started: not sent again. */
    @Test
    void aConnectionResetBeforeTheRequestArrivedIsNotRetriedByDefault() {
        SEEDANCE.dropNextConnections(1);

        Exchange exchange = generate(FAST);

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("may already be generating");
        assertThat(SEEDANCE.generationCount())
                .as("the request never reached the emulator")
                .isZero();
        assertThat(SEEDANCE.droppedConnections()).isEqualTo(1);
    }

    @Test
    void aConnectionResetBeforeTheRequestArrivedIsRetriedWhenAmbiguousFailuresMayBe() {
        SEEDANCE.dropNextConnections(1);

        assertThat(generate(FAST + "&retryAmbiguousFailures=true").getException())
                .isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void aConnectionLostAfterTheRequestArrivedIsNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.dropConnection());

        assertThat(generate(FAST).getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("may already be generating");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.json(200, VIDEO_JSON).withDelay(Duration.ofSeconds(20)));

        assertThat(generate(FAST + "&requestTimeout=1s").getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("may already be generating");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void anAnswerCutShortIsNotRetried() {
        SEEDANCE.enqueue(EmulatorResponse.truncated(200, "application/json", VIDEO_JSON));

        assertThat(generate(FAST).getException()).isInstanceOf(SeedanceException.class);
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
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
}
