package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Stopping Camel with generations under way: they are waited for, or completed with a clear exception. */
class SeedanceShutdownTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate?maxConcurrentRequests=1");
                from("direct:download").to("seedance:generate?download=true&requestTimeout=10m");
            }
        };
    }

    private List<CompletableFuture<Exchange>> sendInBackground(int count) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prompt = "A comet over the sea, take " + i;
            sent.add(template.asyncSend("direct:generate", e -> e.getMessage().setBody(prompt)));
        }
        return sent;
    }

    @Test
    void gracefulShutdownWaitsForAGenerationThatFinishesInTime() throws Exception {
        SEEDANCE.setLatency(Duration.ofSeconds(1));
        CompletableFuture<Exchange> sent = sendInBackground(1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> SEEDANCE.generationCount() == 1);

        context.getShutdownStrategy().setTimeout(60);
        context.stop();

        Exchange exchange = sent.get(30, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith(SEEDANCE.baseUrl());
    }

    @Test
    void generationsStillRunningWhenShutdownGivesUpFailWithAStoppedException() throws Exception {
        SEEDANCE.setLatency(Duration.ofMinutes(5));
        List<CompletableFuture<Exchange>> sent = sendInBackground(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> SEEDANCE.generationCount() == 1);

        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            exchanges.add(future.get(30, TimeUnit.SECONDS));
        }
        assertThat(exchanges)
                .allSatisfy(e -> assertThat(e.getException()).isInstanceOf(SeedanceStoppedException.class));
        assertThat(exchanges)
                .extracting(e -> e.getException().getMessage())
                .anySatisfy(m -> assertThat(m).contains("in flight", "may still complete and bill it"))
                .anySatisfy(m -> assertThat(m).contains("before this generation was sent"));
        assertThat(SEEDANCE.generationCount())
                .as("waiting generations were never sent")
                .isEqualTo(1);
    }

    @Test
    void stoppingTheContextFailsAVideoStreamWaitingForBytesAndClosesItsConnection() throws Exception {
        SEEDANCE.stallNextDownloads(1);
        Exchange exchange = template.send("direct:download", e -> e.getMessage().setBody("A comet over the sea"));
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

        context.stop();

        // requestTimeout is 10 minutes: only the stop can end this read
        Throwable failure = catchThrowable(() -> blocked.get(30, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause().getCause())
                .isInstanceOf(IOException.class)
                .hasRootCauseInstanceOf(SeedanceStoppedException.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> SEEDANCE.downloadsInFlight() == 0);
    }

    /** Stopping closes the HTTP client at once; nothing about that is an error worth a line in the log. */
    @Test
    void stoppingTheContextLogsNoWarningOrError() throws Exception {
        template.requestBody("direct:generate", "A comet over the sea", String.class);

        List<String> lines;
        try (LogCapture log = new LogCapture(Level.WARN)) {
            context.stop();
            lines = log.lines();
        }

        assertThat(lines).isEmpty();
    }
}
