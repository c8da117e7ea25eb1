package io.github.camelseedance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelseedance.emulator.Fault;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of generations answered 429 at once all wait for their retry on the one timer: a wait is never refused
 * (Camel's default scheduled pool refuses past 1,000 queued tasks), and each generation is sent exactly twice.
 */
class SeedanceRetryBurstTest extends CamelTestSupport {

    private static final String API_KEY = "sk-test-burst-8c7b6a5f4e";
    private static final int GENERATIONS = 5_000;

    /** The first attempt of each distinct request is answered 429 with Retry-After: 1, every later one normally. */
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE = SeedanceEmulatorExtension.builder()
            .apiKey(API_KEY)
            .firstAttemptFault(Fault.RATE_LIMITED)
            .build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("seedance", SeedanceTestSupport.pointedAt(SEEDANCE, API_KEY));
        return context;
    }

    @Test
    void fiveThousandRateLimitedGenerationsAllSucceedOnTheirSecondAttempt() throws Exception {
        AsyncProducer producer =
                context.getEndpoint("seedance:generate?maxRetries=1").createAsyncProducer();
        ServiceHelper.startService(producer);
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        try {
            // every exchange is handed over at once from this thread: the producer holds no thread while waiting
            for (int i = 0; i < GENERATIONS; i++) {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody("A kite over the dunes, take " + i);
                producer.process(exchange, doneSync -> {
                    if (exchange.getException() != null) {
                        failures.add(exchange.getException());
                    }
                    done.incrementAndGet();
                });
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> done.get() == GENERATIONS);
        } finally {
            ServiceHelper.stopService(producer);
        }

        assertThat(failures).as("first failure: %s", failures.peek()).isEmpty();
        List<String> bodies = new ArrayList<>();
        SEEDANCE.generationRequests()
                .forEach(request -> bodies.add(request.json().get("prompt").asText()));
        assertThat(bodies).hasSize(2 * GENERATIONS);
        Map<String, Long> postsPerPrompt =
                bodies.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(postsPerPrompt)
                .hasSize(GENERATIONS)
                .allSatisfy((prompt, posts) -> assertThat(posts).isEqualTo(2));
        assertThat(SEEDANCE.generationRequests())
                .filteredOn(request -> request.fault() == Fault.RATE_LIMITED)
                .hasSize(GENERATIONS);
    }
}
