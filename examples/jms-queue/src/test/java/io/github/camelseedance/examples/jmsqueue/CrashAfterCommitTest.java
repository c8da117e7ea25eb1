package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one window where "answered once" gives way: a worker dies after its JMS commit sent the result, before it recorded
 * the request id as answered. A copy of the request sent later is answered again, from the saved result: never paid
 * twice, possibly answered twice, both answers the same.
 */
class CrashAfterCommitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLAIM_MAX_AGE = Duration.ofSeconds(2);
    private static final Duration CLAIM_KEEP_ALIVE = Duration.ofMillis(500);
    private static final String REQUEST =
            "{\"requestId\": \"order-crash\", \"request\": {\"prompt\": \"A kite over dunes\"}}";

    @TempDir
    Path dir;

    private QueueInfrastructure infra;
    private LostAfterCommit lost;
    private Main first;
    private Main next;
    private QueueClient client;
    private Answers answers;

    @BeforeEach
    void start() throws Exception {
        infra = QueueInfrastructure.start(dir, Duration.ZERO, Duration.ofMillis(300));
        client = infra.client();
        answers = new Answers(client);
    }

    @AfterEach
    void stop() throws Exception {
        if (lost != null) {
            lost.disarm();
        }
        if (client != null) {
            client.close();
        }
        if (next != null) {
            next.stop();
        }
        if (first != null) {
            first.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aCopySentAfterTheWorkerDiedBetweenCommitAndRecordIsAnsweredAgainFromTheSavedResult() throws Exception {
        first = startWorker("worker-a");
        lost = LostAfterCommit.install(infra.storeUrl);
        lost.arm("order-crash");

        client.send(REQUEST);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(answers.poll().results()).containsKey("order-crash");
            assertThat(infra.pendingRequests()).isZero();
        });
        // the commit has gone through; once both writes after it were refused the worker "dies": its claim stays
        // behind, no longer refreshed, and the id is not recorded as answered
        await().atMost(TIMEOUT).until(() -> lost.refused() == 2);
        first.stop();
        lost.disarm();

        next = startWorker("worker-b");
        client.send(REQUEST);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(answers.poll().results().get("order-crash")).hasSize(2);
            assertThat(infra.pendingRequests()).isZero();
        });

        assertThat(infra.emulator.generationCount()).as("POSTs").isEqualTo(1);
        List<ResultMessage> results = answers.results().get("order-crash");
        assertThat(results.get(1))
                .as("the second answer is the first one again")
                .isEqualTo(results.get(0));
        assertThat(results.get(0).instance()).isEqualTo("worker-a");
        assertThat(stats(next).generatedCount()).isZero();
        assertThat(stats(next).reusedCount()).isEqualTo(1);
        assertThat(stats(next).deferredCount())
                .as("rolled back while the dead worker's claim was fresh")
                .isPositive();

        // recorded as answered this time: a further copy is dropped
        client.send(REQUEST);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(stats(next).duplicatesDroppedCount()).isEqualTo(1);
            assertThat(infra.pendingRequests()).isZero();
        });
        assertThat(answers.poll().results().get("order-crash")).hasSize(2);
        assertThat(infra.emulator.generationCount()).as("POSTs").isEqualTo(1);
    }

    private Main startWorker(String instance) {
        Main worker = QueueApplication.createMain(infra.workerProperties(instance, 1, CLAIM_MAX_AGE, CLAIM_KEEP_ALIVE));
        worker.start();
        await().atMost(TIMEOUT).until(() -> infra.requestConsumers() >= 1);
        return worker;
    }

    private static WorkerStats stats(Main worker) {
        return worker.getCamelContext().getRegistry().lookupByNameAndType(WorkerConfiguration.STATS, WorkerStats.class);
    }
}
