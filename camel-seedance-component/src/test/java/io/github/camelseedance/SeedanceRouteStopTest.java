package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A route stopped, restarted or suspended while its generations wait for a retry or its videos download, as JMX, the
 * control bus or a supervising route controller do it: after a stop nothing more is sent and no download goes on; a
 * suspended route's producers keep working.
 */
class SeedanceRouteStopTest extends SeedanceTestSupport {

    /** Long enough that the stop (a 1 s graceful wait) ends well before the retry is due, even on a slow machine. */
    private static final int RETRY_AFTER_SECONDS = 8;

    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final String PROMPT = "A paper lantern drifting over a lake";
    private static final SilentVideoHost SILENT = startSilentHost();
    private static final String SLOW_URI = "seedance:generate?resolution=720p";

    private static SilentVideoHost startSilentHost() {
        try {
            return new SilentVideoHost();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void closeSilentHost() throws IOException {
        SILENT.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retrying").routeId("retrying").to("seedance:generate?maxConcurrentRequests=1");
                from("direct:slow").routeId("slow").to(SLOW_URI);
                from("direct:downloading")
                        .routeId("downloading")
                        .to("seedance:generate?download=true&requestTimeout=10m");
                from("direct:silent")
                        .routeId("silent")
                        .to("seedance:generate?download=true&requestTimeout=10m&baseUrl=" + SILENT.baseUrl());
            }
        };
    }

    /** Sends one exchange to the retrying route, whose first attempt the provider turns away with a Retry-After. */
    private CompletableFuture<Exchange> sendTurnedAwayOnce() {
        SEEDANCE.enqueue(EmulatorResponse.error(
                        503, "The engine is currently overloaded", "service_unavailable_error", null, "overloaded")
                .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
        CompletableFuture<Exchange> sent =
                template.asyncSend("direct:retrying", e -> e.getMessage().setBody(PROMPT));
        await().atMost(AWAIT)
                .until(() -> SEEDANCE.generationCount() == 1
                        && SEEDANCE.generationRequests().get(0).status() == 503);
        return sent;
    }

    private void stopRoute(String id) throws Exception {
        context.getRouteController().stopRoute(id, 1, TimeUnit.SECONDS);
    }

    /** Waits past the moment the retry was due and checks that the provider received no other POST. */
    private static void assertNoPostUntilAfterTheRetryWasDue() {
        await().during(Duration.ofSeconds(RETRY_AFTER_SECONDS + 2))
                .atMost(Duration.ofSeconds(RETRY_AFTER_SECONDS + 10))
                .until(() -> SEEDANCE.generationCount() == 1);
    }

    private static void assertStoppedWhileWaitingToRetry(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SeedanceStoppedException.class);
        SeedanceStoppedException stopped = (SeedanceStoppedException) exchange.getException();
        assertThat(stopped.isRequestSent())
                .as("a 503 says the provider did not start it: safe to send again")
                .isFalse();
        assertThat(stopped.getAttempts()).isEqualTo(1);
        assertThat(stopped.getMessage()).contains("HTTP 503").doesNotContain("bill");
    }

    @Test
    void aRouteStoppedWhileARetryWaitsSendsNothingMore() throws Exception {
        CompletableFuture<Exchange> sent = sendTurnedAwayOnce();

        stopRoute("retrying");

        assertStoppedWhileWaitingToRetry(sent.get(30, TimeUnit.SECONDS));
        assertNoPostUntilAfterTheRetryWasDue();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void aRouteRestartedWhileARetryWaitsSendsNothingMoreForItAndServesNewExchanges() throws Exception {
        CompletableFuture<Exchange> sent = sendTurnedAwayOnce();

        stopRoute("retrying");
        context.getRouteController().startRoute("retrying");

        assertStoppedWhileWaitingToRetry(sent.get(30, TimeUnit.SECONDS));
        assertNoPostUntilAfterTheRetryWasDue();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
        // the stopped generation gave its permit back: the only one of maxConcurrentRequests=1
        Exchange next = template.send("direct:retrying", e -> e.getMessage().setBody(PROMPT));
        assertThat(next.getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(2);
    }

    @Test
    void aSuspendedRouteCompletesTheGenerationWaitingForItsRetryWithExactlyThePostsItNeeds() throws Exception {
        CompletableFuture<Exchange> sent = sendTurnedAwayOnce();

        // suspending waits for the exchanges in flight (up to its timeout, beyond the retry here) while the producer
        // keeps working; only consumers are suspended
        context.getRouteController().suspendRoute("retrying", 60, TimeUnit.SECONDS);
        try {
            Exchange exchange = sent.get(60, TimeUnit.SECONDS);

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(String.class)).startsWith(SEEDANCE.baseUrl());
            assertThat(SEEDANCE.generationCount()).isEqualTo(2);
        } finally {
            context.getRouteController().resumeRoute("retrying");
        }
    }

    @Test
    void aRouteStopFailsAStalledVideoStreamAtOnceAndClosesItsConnection() throws Exception {
        SEEDANCE.stallNextDownloads(1);
        Exchange exchange =
                template.send("direct:downloading", e -> e.getMessage().setBody(PROMPT));
        assertThat(exchange.getException()).isNull();
        InputStream video = exchange.getMessage().getBody(InputStream.class);
        int half = (int) SEEDANCE.videoSize(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class))
                / 2;
        assertThat(video.readNBytes(half)).hasSize(half);
        // the host sends nothing more: this read waits for bytes that never come
        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return video.read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        stopRoute("downloading");

        // requestTimeout is 10 minutes: only the stop can end this read
        Throwable failure = catchThrowable(() -> blocked.get(30, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).hasCauseInstanceOf(IOException.class);
        assertThat(failure.getCause().getCause()).hasRootCauseInstanceOf(SeedanceStoppedException.class);
        await().atMost(AWAIT).until(() -> SEEDANCE.downloadsInFlight() == 0);
        assertThat(SEEDANCE.downloads()).hasSize(1);
    }

    /** The exchange is gone when the video comes: its URL is logged once, with the request it answers, and counted. */
    @Test
    void aVideoMadeAfterItsExchangeWasStoppedIsLoggedWithItsRequestAndUrlAndCounted() throws Exception {
        SeedanceEndpoint endpoint = context.getEndpoint(SLOW_URI, SeedanceEndpoint.class);
        Exchange probe = context.getEndpoint("direct:slow").createExchange();
        probe.getMessage().setBody(PROMPT);
        String fingerprint = endpoint.requestFingerprint(probe.getMessage());
        SEEDANCE.setLatency(Duration.ofSeconds(4));
        try (LogCapture log = new LogCapture(ch.qos.logback.classic.Level.INFO)) {
            CompletableFuture<Exchange> sent =
                    template.asyncSend("direct:slow", e -> e.getMessage().setBody(PROMPT));
            await().atMost(AWAIT).until(() -> SEEDANCE.generationsInFlight() == 1);

            stopRoute("slow");

            Exchange exchange = sent.get(30, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isInstanceOf(SeedanceStoppedException.class);
            await().atMost(AWAIT).until(() -> endpoint.getLateBilledAnswers() == 1);
            assertThat(log.lines())
                    .filteredOn(line -> line.contains("after its exchange"))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains(exchange.getExchangeId(), fingerprint, SEEDANCE.baseUrl() + "/videos/")
                    .doesNotContain(PROMPT, API_KEY);
        } finally {
            SEEDANCE.setLatency(Duration.ZERO);
        }
    }

    @Test
    void aRouteStopDuringADownloadNotYetAnsweredFailsTheExchangeWithoutABodyAndClosesTheConnection() throws Exception {
        int before = SILENT.videoRequests();
        CompletableFuture<Exchange> sent =
                template.asyncSend("direct:silent", e -> e.getMessage().setBody(PROMPT));
        await().atMost(AWAIT).until(() -> SILENT.videoRequests() == before + 1);

        stopRoute("silent");

        Exchange exchange = sent.get(30, TimeUnit.SECONDS);
        String videoUrl = SILENT.baseUrl() + "/videos/silent.mp4";
        assertThat(exchange.getException()).isInstanceOf(SeedanceDownloadException.class);
        SeedanceDownloadException notFetched = (SeedanceDownloadException) exchange.getException();
        assertThat(notFetched.getVideoUrl())
                .as("what a later seedance:download fetches")
                .isEqualTo(videoUrl);
        assertThat(notFetched.getMessage()).contains(SeedanceConstants.VIDEO_URL);
        SeedanceStoppedException stopped = exchange.getException(SeedanceStoppedException.class);
        assertThat(stopped.isRequestSent()).as("the video was made, and billed").isTrue();
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class))
                .isEqualTo(videoUrl);
        await().atMost(AWAIT).until(SILENT::videoConnectionClosed);
        assertThat(exchange.getMessage().getBody()).isEqualTo(PROMPT);
    }
}
