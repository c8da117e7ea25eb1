package io.github.camelseedance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** progressInterval: one INFO line per endpoint and interval while generations are in flight longer than it. */
class SeedanceProgressTest extends SeedanceTestSupport {

    private static final String PROGRESS = GenerationProgress.class.getName() + " ";
    private static final Duration AWAIT = Duration.ofSeconds(60);
    /** An interval no test outlives, so that only the test itself makes the endpoint report. */
    private static final String HOURLY = "seedance:generate?progressInterval=1h";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ticking").to("seedance:generate?progressInterval=100ms&apiKey=RAW(" + API_KEY + ")");
                from("direct:hourly").to(HOURLY);
            }
        };
    }

    private List<CompletableFuture<Exchange>> sendTo(String uri, int count) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prompt = "Fog rolling over a harbour, take " + i;
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody(prompt)));
        }
        return sent;
    }

    private static void awaitVideos(List<CompletableFuture<Exchange>> sent) throws Exception {
        for (CompletableFuture<Exchange> future : sent) {
            assertThat(future.get(AWAIT.toSeconds(), TimeUnit.SECONDS).getException())
                    .isNull();
        }
    }

    private static List<String> progressLines(LogCapture log) {
        return log.lines().stream().filter(line -> line.startsWith(PROGRESS)).toList();
    }

    @Test
    void generationsInFlightLongerThanTheIntervalAreReportedOnTheComponentTimer() throws Exception {
        SEEDANCE.setLatency(Duration.ofSeconds(5));
        try (LogCapture log = new LogCapture(Level.INFO)) {
            List<CompletableFuture<Exchange>> sent = sendTo("direct:ticking", 3);

            await().atMost(AWAIT)
                    .until(() ->
                            progressLines(log).stream().anyMatch(line -> line.contains("3 generations in flight")));
            awaitVideos(sent);

            assertThat(progressLines(log))
                    .allSatisfy(line -> assertThat(line)
                            .startsWith(PROGRESS + "seedance://generate?")
                            .contains("for longer than 100ms, the oldest for ")
                            .doesNotContain(API_KEY));
        }
    }

    @Test
    void oneLineAReportHoweverManyGenerationsAreInFlight() throws Exception {
        SEEDANCE.setLatency(Duration.ofSeconds(5));
        SeedanceEndpoint endpoint = context.getEndpoint(HOURLY, SeedanceEndpoint.class);
        List<CompletableFuture<Exchange>> sent = sendTo("direct:hourly", 3);
        await().atMost(AWAIT).until(() -> endpoint.getGenerationsInFlight() == 3);

        try (LogCapture log = new LogCapture(Level.INFO)) {
            // as the timer would report two hours on
            endpoint.getProgress().report(System.nanoTime() + TimeUnit.HOURS.toNanos(2));

            assertThat(progressLines(log))
                    .singleElement()
                    .asString()
                    .contains("seedance://generate?progressInterval=1h: 3 generations in flight, 3 for longer than 1h")
                    .contains("0 waiting for a retry, 0 waiting for a permit");
        }
        awaitVideos(sent);
    }

    @Test
    void noLineWhileEveryGenerationIsYoungerThanTheInterval() throws Exception {
        SEEDANCE.setLatency(Duration.ofSeconds(5));
        SeedanceEndpoint endpoint = context.getEndpoint(HOURLY, SeedanceEndpoint.class);
        List<CompletableFuture<Exchange>> sent = sendTo("direct:hourly", 2);
        await().atMost(AWAIT).until(() -> endpoint.getGenerationsInFlight() == 2);

        try (LogCapture log = new LogCapture(Level.INFO)) {
            endpoint.getProgress().report(System.nanoTime());
            awaitVideos(sent);
            // a generation leaves the count when it gives its permit back, just after its exchange completes
            await().atMost(AWAIT).until(() -> endpoint.getGenerationsInFlight() == 0);
            endpoint.getProgress().report(System.nanoTime() + TimeUnit.HOURS.toNanos(2));

            assertThat(progressLines(log)).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0 ms", "abc, 0 ms", "25h, 90000000 ms"})
    void aProgressIntervalOutsideItsBoundsStopsTheRouteFromStarting(String value, String read) throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.addComponent("seedance", pointedAt(SEEDANCE, API_KEY));
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:never").to("seedance:generate?progressInterval=" + value);
                }
            });

            assertThatThrownBy(other::start)
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid progressInterval: read as " + read + ", allowed are 1 ms to 24h");
        }
    }
}
