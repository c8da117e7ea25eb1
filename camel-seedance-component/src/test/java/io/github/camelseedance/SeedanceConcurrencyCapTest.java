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

class SeedanceConcurrencyCapTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:capped").to("seedance:generate?maxConcurrentRequests=3");
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
}
