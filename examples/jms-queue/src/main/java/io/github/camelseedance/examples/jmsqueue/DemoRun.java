package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.emulator.EmulatorFallback;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: starts a broker, the idempotent store and one worker in this JVM (and the emulator when no API key is
 * set), sends the shipped sample requests, waits until every request id is answered and nothing is left on the
 * request queue, downloads the videos and writes their gallery, then stops and prints what came back.
 */
final class DemoRun {

    static final String INSTANCE = "demo-worker";

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** The running count is printed when it changes, and at least this often. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Map<String, String> environment;
    private final Map<String, String> overrides;
    private final Path dataDirectory;

    /**
     * @param environment   where {@code SEEDANCE_API_KEY} is looked up
     * @param overrides     properties that win over application.properties (the tests' samples folder, for example)
     * @param dataDirectory where the broker may write
     */
    DemoRun(Map<String, String> environment, Map<String, String> overrides, Path dataDirectory) {
        this.environment = environment;
        this.overrides = overrides;
        this.dataDirectory = dataDirectory;
    }

    /** What a demo run printed, whether it succeeded, and its gallery page (index.html beside the videos). */
    record Outcome(List<String> summary, boolean succeeded, int duplicatesDropped, Path gallery) {}

    /** Returns the process exit code: 0 when every sample was answered as it should be. */
    int run() throws Exception {
        Outcome outcome = execute();
        System.out.println();
        outcome.summary().forEach(System.out::println);
        return outcome.succeeded() ? 0 : 1;
    }

    Outcome execute() throws Exception {
        QueueNames queues = QueueNames.DEFAULT;
        try (EmbeddedBroker broker = EmbeddedBroker.start(
                        "127.0.0.1", 0, queues, QueueApplication.LOCAL_REDELIVERY_DELAY, dataDirectory);
                EmbeddedPostgresStore store = EmbeddedPostgresStore.start(0, "seedance");
                EmulatorFallback target = EmulatorFallback.choose(environment)) {
            Map<String, String> properties = new HashMap<>(target.overrideProperties());
            properties.put("queue.broker-url", EmbeddedBroker.IN_VM_URL);
            properties.put("queue.requests", queues.requests());
            properties.put("queue.results", queues.results());
            properties.put("queue.dead-letter", queues.deadLetter());
            properties.put("idempotent.jdbc-url", store.jdbcUrl());
            properties.put("idempotent.jdbc-user", EmbeddedPostgresStore.USER);
            properties.put("idempotent.jdbc-password", "");
            properties.put("worker.instance", INSTANCE);
            properties.putAll(overrides);
            Main main = QueueApplication.createMain(properties);
            main.start();
            try {
                CamelContext context = main.getCamelContext();
                Path samples = Path.of(context.resolvePropertyPlaceholders("{{demo.samples-dir}}"))
                        .toAbsolutePath();
                Duration timeout = Duration.ofSeconds(
                        Long.parseLong(context.resolvePropertyPlaceholders("{{demo.timeout-seconds}}")));
                Path videos = Path.of(context.resolvePropertyPlaceholders("{{demo.output-dir}}"))
                        .toAbsolutePath()
                        .normalize();
                List<SampleRequest> sent = SampleRequest.load(samples);
                AnswerTally tally = new AnswerTally(sent);
                try (QueueClient client = new QueueClient(EmbeddedBroker.IN_VM_URL, queues)) {
                    for (SampleRequest sample : sent) {
                        client.send(sample.json());
                    }
                    LOG.info("Sent {} request messages from {} to {}", sent.size(), samples, queues.requests());
                    awaitAnswers(
                            client,
                            tally,
                            () -> broker.messageCount(queues.requests()) == 0
                                    && context.getInflightRepository().size() == 0,
                            timeout);
                }
                WorkerStats stats =
                        context.getRegistry().lookupByNameAndType(WorkerConfiguration.STATS, WorkerStats.class);
                int dropped = stats.duplicatesDroppedCount();
                LOG.info("Worker {}: {}", INSTANCE, stats);
                // before the stop: the videos' URLs die with the emulator
                ResultDownloads.Downloaded downloads = ResultDownloads.download(context, videos, tally);
                Path gallery = DemoGallery.write(videos, tally, downloads);
                List<String> summary = tally.summary(
                        queues,
                        dropped,
                        result -> downloads.files().getOrDefault(result.requestId(), "not downloaded"));
                summary.add("Videos: " + videos);
                summary.add("Gallery: " + gallery);
                return new Outcome(
                        summary,
                        tally.succeeded(dropped) && downloads.failures().isEmpty(),
                        dropped,
                        gallery);
            } finally {
                main.stop();
            }
        }
    }

    /**
     * Collects answers until every request id has one and {@code drained} says the request queue is empty (so every
     * duplicate has been dropped), or until the timeout.
     */
    static void awaitAnswers(
            QueueClient client, AnswerTally tally, java.util.function.BooleanSupplier drained, Duration timeout)
            throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int reported = -1;
        long reportedAt = started;
        while (true) {
            tally.addResults(client.receiveResults(POLL));
            tally.addDeadLetters(client.receiveDeadLetters(Duration.ZERO));
            if (tally.allAnswered() && drained.getAsBoolean()) {
                return;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                LOG.warn(
                        "Gave up waiting after {} s: {} of {} request ids unanswered",
                        timeout.toSeconds(),
                        tally.unanswered().size(),
                        tally.distinctIds());
                return;
            }
            int answered = tally.distinctIds() - tally.unanswered().size();
            if (answered != reported || now - reportedAt >= REPORT_EVERY.toNanos()) {
                reported = answered;
                reportedAt = now;
                LOG.info(tally.progress(Duration.ofNanos(now - started)));
            }
        }
    }
}
