package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workers' views of one store in PostgreSQL, each with its own Camel context, as separate JVMs would have; each test on
 * a new, empty database.
 */
class IdempotentStoreTest {

    private static final Duration MAX_AGE = Duration.ofMillis(800);
    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);

    private String jdbcUrl;
    private final List<CamelContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createDatabase() throws Exception {
        jdbcUrl = SharedPostgres.newDatabase();
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void workersStartingTogetherOnAnEmptyDatabaseAllStart() throws Exception {
        int workers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<IdempotentStore>> starts = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return store();
                }));
            }
            go.countDown();
            List<IdempotentStore> started = new ArrayList<>();
            for (Future<IdempotentStore> start : starts) {
                started.add(start.get());
            }
            assertThat(started.get(0).claim("order-1")).isTrue();
            assertThat(started.get(workers - 1).claim("order-1")).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workersInDifferentTimeZonesAgreeOnTheAgeOfAClaim() throws Exception {
        // no keep-alive during the test: it would rewrite the claim in whatever zone is the default then
        Duration maxAge = Duration.ofMinutes(5);
        IdempotentStore west = store(maxAge, maxAge.dividedBy(2));
        IdempotentStore east = store(maxAge, maxAge.dividedBy(2));
        TimeZone zone = TimeZone.getDefault();
        try {
            // a claim written as New York's local time would look 13 or 14 hours old from Tokyo, long expired
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertThat(west.claim("order-7")).isTrue();
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            assertThat(east.claim("order-7"))
                    .as("a live claim, seen from another time zone")
                    .isFalse();
        } finally {
            TimeZone.setDefault(zone);
        }
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

    /** A worker's store, started as WorkerConfiguration starts it: Camel's table and the result table. */
    private IdempotentStore store() throws Exception {
        return store(MAX_AGE, KEEP_ALIVE);
    }

    private IdempotentStore store(Duration maxAge, Duration keepAlive) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DataSource dataSource = new DriverManagerDataSource(jdbcUrl, EmbeddedPostgresStore.USER, "");
        IdempotentStore store = IdempotentStore.create(dataSource, context, maxAge, keepAlive);
        for (Service service : store.services()) {
            context.addService(service, true, true);
        }
        context.addService(new ResultStore(dataSource), true, true);
        context.start();
        contexts.add(context);
        return store;
    }
}
