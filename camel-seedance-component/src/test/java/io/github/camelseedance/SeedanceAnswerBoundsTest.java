package io.github.camelseedance;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.LoopbackServer.answer;
import static io.github.camelseedance.LoopbackServer.chunksForEver;
import static io.github.camelseedance.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wait for the API's answer and the answer's size both have an end, against a server that trickles, cuts off or
 * never stops; and a success that cannot be read is reported as probably billed, and never sent again.
 */
class SeedanceAnswerBoundsTest extends LoopbackServerTestSupport {

    private static final String API = "/v1/videos/generations";
    private static final String VIDEO = "{\"created\":1700000000,\"data\":[{\"url\":\"https://cdn.example/v.mp4\"}]}";

    /** Sends one generation to the loopback server; an exchange that never ends fails the test after a minute. */
    private Exchange generate(String options) throws Exception {
        return template.asyncSend(
                        "seedance:generate?baseUrl=" + server.baseUrl() + "&" + options,
                        e -> e.getMessage().setBody("A fox in the snow"))
                .get(60, TimeUnit.SECONDS);
    }

    private static void trickle(Socket socket, String head) throws IOException, InterruptedException {
        write(socket, head);
        while (true) {
            write(socket, " ");
            Thread.sleep(100);
        }
    }

    @Test
    void anAnswerWhoseHeadTricklesInEndsAtTheRequestTimeout() throws Exception {
        server = new LoopbackServer((request, socket) -> {
            write(socket, "HTTP/1.1 200 OK\r\nX-Slow: a");
            while (true) {
                write(socket, "a");
                Thread.sleep(100);
            }
        });

        Exchange exchange = generate("requestTimeout=1s&maxRetries=0");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("within the requestTimeout of 1s");
        assertThat(((SeedanceException) exchange.getException()).isRequestSent())
                .isTrue();
        assertThat(server.count("POST", API)).isEqualTo(1);
    }

    @Test
    void aSuccessWhoseBodyTricklesInEndsAtTheRequestTimeoutAndIsNeverSentAgain() throws Exception {
        server = new LoopbackServer((request, socket) -> trickle(
                socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"));

        Exchange exchange = generate("requestTimeout=1s&maxRetries=3&retryDelay=10&retryAmbiguousFailures=true");

        SeedanceException failure = (SeedanceException) exchange.getException();
        assertThat(failure)
                .hasMessageContaining("HTTP 200")
                .hasMessageContaining("within the requestTimeout of 1s")
                .hasMessageContaining("probably generated and billed");
        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure.getAttempts()).isEqualTo(1);
        assertThat(server.count("POST", API)).isEqualTo(1);
    }

    /** Without the status, a connection lost mid-answer would count as ambiguous, and be retried when allowed. */
    @Test
    void aSuccessCutShortIsNeverSentAgainEvenWhenAmbiguousFailuresAre() throws Exception {
        server = new LoopbackServer((request, socket) -> {
            write(
                    socket,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"data\":");
            socket.close();
        });

        Exchange exchange = generate("maxRetries=3&retryDelay=10&retryAmbiguousFailures=true");

        SeedanceException failure = (SeedanceException) exchange.getException();
        assertThat(failure).hasMessageContaining("HTTP 200").hasMessageContaining("probably generated and billed");
        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure.isPermanent()).isTrue();
        assertThat(server.count("POST", API)).isEqualTo(1);
    }

    @Test
    void aSuccessLargerThanTheCapIsCutAsBilledAndNeverSentAgain() throws Exception {
        server = new LoopbackServer((request, socket) -> {
            write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            chunksForEver(socket, "x".repeat(64 * 1024).getBytes(), 0);
        });

        Exchange exchange = generate("maxRetries=3&retryDelay=10&retryAmbiguousFailures=true");

        SeedanceException failure = (SeedanceException) exchange.getException();
        assertThat(failure)
                .hasMessageContaining("larger than 4096 KiB")
                .hasMessageContaining("probably generated and billed");
        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(server.count("POST", API)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .alias("the rest of the answer is not read: the connection is dropped")
                .until(() -> server.writesRefused() == 1);
    }

    /** The revised prompt may be longer than the prompt; an answer of a few MiB is still one. */
    @Test
    void anAnswerWithARevisedPromptOfTwoMebibytesIsDelivered() throws Exception {
        String revised = "r".repeat(2 * 1024 * 1024);
        server = new LoopbackServer((request, socket) -> answer(
                socket,
                200,
                "application/json",
                "{\"created\":1,\"data\":[{\"url\":\"https://cdn.example/v.mp4\",\"revised_prompt\":\"" + revised
                        + "\"}]}"));

        Exchange exchange = generate("maxRetries=0");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.REVISED_PROMPT, String.class))
                .hasSize(revised.length());
    }

    /** An error's body is read only so far; its status still decides, so a 503 is retried as any 503 is. */
    @Test
    void anErrorWithAnEndlessBodyIsCutAndRetriedByItsStatus() throws Exception {
        server = new LoopbackServer((request, socket) -> {
            write(socket, "HTTP/1.1 503 Busy\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
            chunksForEver(socket, "<p>busy</p>".repeat(100).getBytes(), 0);
        });

        Exchange exchange = generate("maxRetries=1&retryDelay=10");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceApiException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("larger than 64 KiB");
        assertThat(((SeedanceApiException) exchange.getException()).getAttempts())
                .isEqualTo(2);
        assertThat(server.count("POST", API)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.writesRefused() == 2);
    }

    /** An error page too large to read is quoted from its start, where a gateway echoes headers: the key redacted. */
    @Test
    void aCutErrorPageIsQuotedWithTheKeyRedacted() throws Exception {
        server = new LoopbackServer((request, socket) -> {
            write(socket, "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
            chunksForEver(
                    socket,
                    ("Authorization: Bearer " + API_KEY + " ").repeat(100).getBytes(),
                    0);
        });

        Exchange exchange = generate("maxRetries=0");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceApiException.class)
                .hasMessageContaining("larger than 64 KiB")
                .hasMessageContaining("Bearer [redacted]")
                .message()
                .doesNotContain(API_KEY);
    }

    /**
     * Each call's deadline is a task on the one timer, gone from its queue once the call ends; what stays is the
     * endpoint's periodic progress check.
     */
    @Test
    void everyCallsDeadlineLeavesTheTimerWhenTheCallEnds() throws Exception {
        server = new LoopbackServer((request, socket) -> answer(socket, 200, "application/json", VIDEO));

        for (int i = 0; i < 20; i++) {
            assertThat(generate("maxRetries=0").getException()).isNull();
        }

        ScheduledThreadPoolExecutor timer = ((SizedScheduledExecutorService)
                        context.getComponent("seedance", SeedanceComponent.class)
                                .timer())
                .getScheduledThreadPoolExecutor();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        timer.getQueue().stream().allMatch(task -> ((RunnableScheduledFuture<?>) task).isPeriodic()));
        assertThat(timer.getQueue()).hasSize(1);
        assertThat(server.count("POST", API)).isEqualTo(20);
    }
}
