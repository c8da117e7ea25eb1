package io.github.camelseedance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** maxConcurrentRequests as the provider sees it: never more generations of the endpoint at once than the cap. */
class SeedanceConcurrencyCapTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:capped").to("seedance:generate?maxConcurrentRequests=3");
                from("direct:restarted").routeId("restarted").to("seedance:generate?maxConcurrentRequests=2");
            }
        };
    }

    @Test
    void neverMoreGenerationsInFlightThanTheCapAndEveryExchangeCompletes() throws Exception {
        SEEDANCE.setLatency(Duration.ofMillis(300));
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String prompt = "Lanterns on a river, take " + i;
            sent.add(template.asyncSend("direct:capped", e -> e.getMessage().setBody(prompt)));
        }

        for (CompletableFuture<Exchange> future : sent) {
            assertThat(future.get(60, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(SEEDANCE.generationCount()).isEqualTo(12);
        assertThat(SEEDANCE.emulator().maxConcurrentGenerations()).isLessThanOrEqualTo(3);
    }

    /**
     * A route stop fails the exchanges of generations still at the provider but does not end those calls: until they
     * end, they keep their permits, so the restarted route waits for them instead of doubling what is in flight.
     */
    @Test
    void theCapHoldsAcrossARouteRestartWhileStoppedGenerationsAreStillAtTheProvider() throws Exception {
        // long enough that the stop (a 1 s graceful wait) ends while the first two are still at the provider
        SEEDANCE.setLatency(Duration.ofSeconds(8));
        List<CompletableFuture<Exchange>> first = sendTo("direct:restarted", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> SEEDANCE.generationsInFlight() == 2);
        // the next ones would be answered at once: only the permits hold them back
        SEEDANCE.setLatency(Duration.ZERO);

        context.getRouteController().stopRoute("restarted", 1, TimeUnit.SECONDS);
        context.getRouteController().startRoute("restarted");
        List<CompletableFuture<Exchange>> second = sendTo("direct:restarted", 2);

        for (CompletableFuture<Exchange> future : first) {
            assertThat(future.get(60, TimeUnit.SECONDS).getException()).isInstanceOf(SeedanceStoppedException.class);
        }
        for (CompletableFuture<Exchange> future : second) {
            assertThat(future.get(60, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(SEEDANCE.generationCount()).isEqualTo(4);
        assertThat(SEEDANCE.emulator().maxConcurrentGenerations()).isEqualTo(2);
    }

    private List<CompletableFuture<Exchange>> sendTo(String uri, int count) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prompt = "A kite over the dunes, take " + i;
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody(prompt)));
        }
        return sent;
    }
}
