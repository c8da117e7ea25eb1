package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelseedance.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two workers in two separate JVMs compete for one request queue on a broker over TCP, with one idempotent store
 * over TCP: every request is answered once, by one of them, and both take a share of the work.
 */
class ScaleOutIT {

    private static final int REQUESTS = 60;
    private static final int CONCURRENCY = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private QueueInfrastructure infra;
    private final List<WorkerProcess> workers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void twoWorkerJvmsShareTheQueueAndAnswerEveryRequestOnce() throws Exception {
        // each generation takes a moment, so a worker with both consumers busy leaves the next request to the other
        infra = QueueInfrastructure.start(dir, Duration.ofMillis(200), Duration.ofMillis(500));
        for (String instance : List.of("worker-a", "worker-b")) {
            workers.add(WorkerProcess.start(
                    "scale-out",
                    instance,
                    infra.workerEnvironment(instance, CONCURRENCY, Duration.ofSeconds(10), Duration.ofSeconds(2))));
        }
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(workers)
                    .allSatisfy(worker -> assertThat(worker.isAlive())
                            .as(worker.instance() + " is running, see " + worker.log())
                            .isTrue());
            assertThat(infra.requestConsumers())
                    .as("consumers on the request queue")
                    .isGreaterThanOrEqualTo(2 * CONCURRENCY);
        });

        try (QueueClient client = infra.client()) {
            Answers answers = new Answers(client);
            for (int i = 1; i <= REQUESTS; i++) {
                client.send(request(i));
                // a few requests sent twice, as a client that retried would
                if (i % 12 == 0) {
                    client.send(request(i));
                }
            }

            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(answers.poll().results()).hasSize(REQUESTS);
                assertThat(infra.pendingRequests())
                        .as("requests left on the queue")
                        .isZero();
            });
            // results are committed with the removal of their request: none can arrive once the queue is empty
            answers.poll();

            assertThat(answers.deadLetters()).isEmpty();
            assertThat(answers.results())
                    .allSatisfy((id, results) ->
                            assertThat(results).as("results for " + id).hasSize(1));
            Map<String, Long> perInstance = answers.allResults().stream()
                    .collect(Collectors.groupingBy(ResultMessage::instance, Collectors.counting()));
            System.out.println("Results per worker: " + perInstance);
            assertThat(perInstance)
                    .as("results per worker")
                    .containsOnlyKeys("worker-a", "worker-b")
                    .allSatisfy((instance, count) -> assertThat(count).isPositive());
        }

        assertThat(infra.emulator.violations()).isEmpty();
        assertThat(infra.emulator.generationCount()).as("calls to the API").isEqualTo(REQUESTS);
        assertThat(infra.emulator.generationRequests())
                .extracting(RecordedRequest::json)
                .extracting(json -> json.get("prompt").asText())
                .as("one call per request")
                .doesNotHaveDuplicates()
                .hasSize(REQUESTS);
    }

    private static String request(int i) {
        return RequestEnvelope.toJson(
                String.format("scale-%03d", i),
                io.github.camelseedance.model.VideoGenerationRequest.builder()
                        .prompt(String.format("Scene %03d of a flip-book: a bird in flight", i))
                        .build());
    }
}
