package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelseedance.emulator.RecordedRequest;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idempotency by request id on the shared store: duplicates, concurrent or late, and a redelivery after the video was
 * paid for, each end in one call to the API and one result message.
 */
class NeverPaidTwiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // long enough that copies of a request sent together are still being generated when the others arrive
    private static final Duration LATENCY = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private QueueInfrastructure infra;
    private Main worker;
    private QueueClient client;
    private Answers answers;

    @BeforeEach
    void start() throws Exception {
        infra = QueueInfrastructure.start(dir, LATENCY, Duration.ofMillis(300));
        worker = QueueApplication.createMain(
                infra.workerProperties("idempotent-worker", 4, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        worker.start();
        client = infra.client();
        answers = new Answers(client);
        await().atMost(TIMEOUT).until(() -> infra.requestConsumers() >= 4);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (worker != null) {
            worker.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void duplicatesSentTogetherOrAfterTheAnswerAreGeneratedOnceAndAnsweredOnce() throws Exception {
        // four copies of one request and three of another, back to back: up to four are processed at once
        for (int copy = 0; copy < 4; copy++) {
            send("dup-1", "A hot-air balloon over a valley at sunrise");
            if (copy < 3) {
                send("dup-2", "Rain on a window, city lights blurred behind it");
            }
        }
        send("single-3", "A cat asleep in a sunbeam");
        awaitSettled("dup-1", "dup-2", "single-3");

        // the same request again, after it was answered
        send("dup-1", "A hot-air balloon over a valley at sunrise");
        send("dup-1", "A hot-air balloon over a valley at sunrise");
        awaitSettled("dup-1", "dup-2", "single-3");

        assertThat(answers.results())
                .containsOnlyKeys("dup-1", "dup-2", "single-3")
                .allSatisfy((id, results) ->
                        assertThat(results).as("results for " + id).hasSize(1));
        assertThat(infra.emulator.violations()).isEmpty();
        assertThat(infra.emulator.generationRequests())
                .extracting(RecordedRequest::json)
                .extracting(json -> json.get("prompt").asText())
                .as("one call per distinct request")
                .containsExactlyInAnyOrder(
                        "A hot-air balloon over a valley at sunrise",
                        "Rain on a window, city lights blurred behind it",
                        "A cat asleep in a sunbeam");
        WorkerStats stats = stats();
        assertThat(stats.generatedCount()).isEqualTo(3);
        assertThat(stats.duplicatesDroppedCount())
                .as("3 + 2 copies sent together, 2 sent later")
                .isEqualTo(7);
    }

    @Test
    void aRolledBackAnswerIsRedeliveredAndAnsweredFromTheSavedVideoWithoutPayingAgain() throws Exception {
        // the first attempt fails after the call and after sending its result, before the commit (as when the worker
        // dies or loses the broker at that moment): the transaction rolls back, taking the unsent result with it, and
        // the broker redelivers the request
        AtomicInteger attempts = new AtomicInteger();
        AdviceWith.adviceWith(
                worker.getCamelContext(),
                GenerationWorkerRoutes.ROUTE_ID,
                route -> route.weaveById(GenerationWorkerRoutes.SEND_RESULT_ID)
                        .after()
                        .process(exchange -> {
                            if (attempts.getAndIncrement() == 0) {
                                throw new IllegalStateException("Simulated failure after sending the result");
                            }
                        }));
        await().atMost(TIMEOUT).until(() -> infra.requestConsumers() >= 4);

        send("order-redelivered", "A lighthouse beam sweeping over fog");
        awaitSettled("order-redelivered");

        assertThat(attempts)
                .as("attempts that got as far as sending the result")
                .hasValue(2);
        assertThat(answers.results().get("order-redelivered"))
                .as("the rolled-back result never arrived")
                .hasSize(1);
        assertThat(infra.emulator.generationRequests()).as("calls to the API").hasSize(1);
        assertThat(stats().reusedCount()).isEqualTo(1);
        assertThat(stats().generatedCount()).isEqualTo(1);
    }

    private void send(String requestId, String prompt) throws Exception {
        client.send("{\"requestId\": \"" + requestId + "\", \"request\": {\"prompt\": \"" + prompt + "\"}}");
    }

    // every listed id answered, and nothing left on the request queue: every copy was generated or dropped
    private void awaitSettled(String... requestIds) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(answers.poll().results()).containsKeys(requestIds);
            assertThat(infra.pendingRequests()).isZero();
        });
        // results are committed with the removal of their request: none can arrive after the queue is empty
        await().atMost(TIMEOUT).until(() -> answers.poll() != null);
    }

    private WorkerStats stats() {
        return worker.getCamelContext().getRegistry().lookupByNameAndType(WorkerConfiguration.STATS, WorkerStats.class);
    }
}
