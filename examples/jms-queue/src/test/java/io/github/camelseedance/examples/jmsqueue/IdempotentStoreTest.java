package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two workers' views of one store on an H2 server, each with its own Camel context, as two JVMs would have. */
class IdempotentStoreTest {

    private static final Duration MAX_AGE = Duration.ofMillis(800);
    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);

    private H2StoreServer server;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = H2StoreServer.start(0, "store-test");
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        server.close();
    }

    @Test
    void aClaimIsExclusiveUntilItsHolderReleasesIt() throws Exception {
        IdempotentStore a = store();
        IdempotentStore b = store();

        assertThat(a.claim("order-1")).isTrue();
        assertThat(b.claim("order-1")).isFalse();
        assertThat(a.claim("order-1")).as("not even twice by its holder").isFalse();
        assertThat(b.claim("order-2")).isTrue();

        assertThat(a.release("order-1")).isTrue();
        assertThat(b.claim("order-1")).isTrue();
    }

    @Test
    void workersRacingForOneIdCannotBothWin() throws Exception {
        List<IdempotentStore> stores = List.of(store(), store());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IdempotentStore store = stores.get(i % 2);
                attempts.add(() -> {
                    try {
                        return store.claim("contested");
                    } catch (RuntimeException e) {
                        // a lock conflict reported by the database is a lost race too: the message is rolled back
                        return false;
                    }
                });
            }
            int won = 0;
            for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                won += attempt.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveHolderKeepsItsClaimBeyondTheMaximumAge() throws Exception {
        IdempotentStore a = store();
        IdempotentStore b = store();
        assertThat(a.claim("long-generation")).isTrue();

        await().during(MAX_AGE.multipliedBy(3))
                .atMost(MAX_AGE.multipliedBy(10))
                .until(() -> !b.claim("long-generation"));
    }

    @Test
    void theClaimOfAWorkerThatDiedIsTakenOverOnceItExpires() throws Exception {
        IdempotentStore a = store();
        IdempotentStore b = store();
        assertThat(a.claim("orphan")).isTrue();

        // the holder stops refreshing the claim without releasing it, as a killed JVM would
        contexts.get(0).stop();

        await().atMost(Duration.ofSeconds(20)).until(() -> b.claim("orphan"));
        assertThat(store().claim("orphan")).as("the new holder keeps it").isFalse();
    }

    @Test
    void everyWorkerSeesWhatWasAnswered() throws Exception {
        IdempotentStore a = store();
        IdempotentStore b = store();

        assertThat(b.isAnswered("order-9")).isFalse();
        assertThat(a.markAnswered("order-9")).isTrue();
        assertThat(b.isAnswered("order-9")).isTrue();
        assertThat(b.markAnswered("order-9")).isFalse();
        assertThat(b.claim("order-9")).as("answers and claims are kept apart").isTrue();
    }

    private IdempotentStore store() throws Exception {
        CamelContext context = new DefaultCamelContext();
        IdempotentStore store = IdempotentStore.create(
                new DriverManagerDataSource(server.jdbcUrl(), "sa", ""), context, MAX_AGE, KEEP_ALIVE);
        for (Service service : store.services()) {
            context.addService(service, true, true);
        }
        context.start();
        contexts.add(context);
        return store;
    }
}
