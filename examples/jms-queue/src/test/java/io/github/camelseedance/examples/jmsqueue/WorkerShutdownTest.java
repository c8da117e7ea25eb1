package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker stopped while its generation is in flight: once the graceful shutdown timeout has run out the producer fails
 * the generation with SeedanceStoppedException, the JMS transaction rolls back and the request stays on the request
 * queue (no result, no dead-letter entry) for the next worker, which answers it once.
 */
class WorkerShutdownTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String REQUEST_ID = "shutdown-1";
    private static final String PROMPT = "A sandcastle washed away by the tide";

    @TempDir
    Path dir;

    private QueueInfrastructure infra;
    private Main first;
    private Main second;
    private QueueClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aRequestCutShortByShutdownIsRolledBackAndAnsweredOnceByTheNextWorker() throws Exception {
        // a generation that cannot finish before the shutdown timeout
        infra = QueueInfrastructure.start(dir, Duration.ofMinutes(10), Duration.ofMillis(300));
        first = QueueApplication.createMain(workerProperties("worker-a", Map.of("camel.main.shutdown-timeout", "1")));
        first.start();
        WorkerStats firstStats = stats(first);
        await().atMost(TIMEOUT).until(() -> infra.requestConsumers() == 1);

        client = infra.client();
        Answers answers = new Answers(client);
        client.send(RequestEnvelope.toJson(
                REQUEST_ID, VideoGenerationRequest.builder().prompt(PROMPT).build()));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> infra.emulator.generationCount() == 1);

        // graceful shutdown waits 1 s for the generation, then the producer stops and fails it
        first.stop();

        // the rolled-back request is back on the request queue (a committed one would be gone for good)
        await().atMost(TIMEOUT).until(() -> infra.requestConsumers() == 0 && infra.pendingRequests() == 1);
        answers.poll();
        assertThat(answers.results()).as("results").isEmpty();
        assertThat(answers.deadLetters()).as("dead-letter entries").isEmpty();
        assertThat(firstStats.deadLetteredCount()).isZero();
        assertThat(firstStats.generatedCount()).isZero();

        // the next worker, with a provider that answers at once
        infra.emulator.setLatency(Duration.ZERO);
        second = QueueApplication.createMain(workerProperties("worker-b", Map.of()));
        second.start();

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(answers.poll().results()).containsKey(REQUEST_ID);
            assertThat(infra.pendingRequests()).isZero();
        });
        // results are committed with the removal of their request: none can arrive after the queue is empty
        answers.poll();

        assertThat(answers.results()).containsOnlyKeys(REQUEST_ID);
        assertThat(answers.results().get(REQUEST_ID))
                .as("results for " + REQUEST_ID)
                .singleElement()
                .satisfies(result -> assertThat(result.instance()).isEqualTo("worker-b"));
        assertThat(answers.deadLetters()).as("dead-letter entries").isEmpty();
        assertThat(stats(second).generatedCount()).isEqualTo(1);
        assertThat(infra.emulator.violations()).isEmpty();
        assertThat(infra.emulator.generationRequests())
                .extracting(RecordedRequest::json)
                .extracting(json -> json.get("prompt").asText())
                .as("the generation cut short by shutdown and the one that answered the request")
                .containsExactly(PROMPT, PROMPT);
    }

    private Map<String, String> workerProperties(String instance, Map<String, String> overrides) {
        // a claim left behind (should its release fail on the way down) expires soon, so the test never waits long
        Map<String, String> properties =
                new HashMap<>(infra.workerProperties(instance, 1, Duration.ofSeconds(5), Duration.ofMillis(500)));
        properties.putAll(overrides);
        return properties;
    }

    private static WorkerStats stats(Main worker) {
        return worker.getCamelContext().getRegistry().lookupByNameAndType(WorkerConfiguration.STATS, WorkerStats.class);
    }
}
