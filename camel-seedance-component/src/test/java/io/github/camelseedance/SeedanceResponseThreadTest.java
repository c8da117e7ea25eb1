package io.github.camelseedance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route goes on from the component's SeedanceResponse pool, never from the HTTP client's I/O thread, where a step
 * reading a video stream would wait for itself.
 */
class SeedanceResponseThreadTest extends SeedanceTestSupport {

    private volatile String routeThread;
    private final List<String> heldThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:url")
                        .to("seedance:generate")
                        .process(e -> routeThread = Thread.currentThread().getName());
                from("direct:held").to("seedance:generate").process(e -> {
                    heldThreads.add(Thread.currentThread().getName());
                    gate.await(60, TimeUnit.SECONDS);
                });
            }
        };
    }

    @Test
    void theRouteGoesOnFromTheResponsePoolNotTheIoThread() {
        String url = template.requestBody("direct:url", "A heron in reeds", String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl());
        assertThat(routeThread).contains("SeedanceResponse");
    }

    /** With every thread of the response pool held by a slow step, further answers wait in its queue. */
    @Test
    void answersWaitForTheResponsePoolWhenItIsBusyRatherThanRunOnTheIoThread() throws Exception {
        List<Future<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            sent.add(template.asyncSend("direct:held", e -> e.getMessage().setBody("A heron in reeds")));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> heldThreads.size() >= 10 && SEEDANCE.generationCount() == 14);
        gate.countDown();
        for (Future<Exchange> exchange : sent) {
            assertThat(exchange.get(60, TimeUnit.SECONDS).getException()).isNull();
        }

        assertThat(heldThreads).hasSize(14).allSatisfy(name -> assertThat(name).contains("SeedanceResponse"));
    }
}
