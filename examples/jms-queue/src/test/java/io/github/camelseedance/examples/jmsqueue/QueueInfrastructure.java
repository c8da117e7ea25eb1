package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.camelseedance.emulator.SeedanceEmulator;

/**
 * What the workers need, started inside the test JVM on loopback ports chosen by the system: the broker, a database of
 * its own on the test JVM's PostgreSQL ({@link SharedPostgres}) and the Seedance emulator.
 */
final class QueueInfrastructure implements AutoCloseable {

    static final QueueNames QUEUES = QueueNames.DEFAULT;
    private static final String KEY_PROPERTY = "test.seedance.api-key";

    final EmbeddedBroker broker;
    /** The JDBC URL of the shared store; user {@link EmbeddedPostgresStore#USER}, no password. */
    final String storeUrl;

    final SeedanceEmulator emulator;

    private QueueInfrastructure(EmbeddedBroker broker, String storeUrl, SeedanceEmulator emulator) {
        this.broker = broker;
        this.storeUrl = storeUrl;
        this.emulator = emulator;
    }

    static QueueInfrastructure start(Path dataDirectory, Duration emulatorLatency, Duration redeliveryDelay)
            throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, QUEUES, redeliveryDelay, dataDirectory);
        try {
            String storeUrl = SharedPostgres.newDatabase();
            // the fixed clip: the queue tests, scale-out and crash runs included, are about the queue, not the renderer
            SeedanceEmulator emulator = SeedanceEmulator.builder()
                    .latency(emulatorLatency)
                    .fixedClip()
                    .build()
                    .start();
            return new QueueInfrastructure(broker, storeUrl, emulator);
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    /** Properties for a worker in this JVM ({@link QueueApplication#createMain}). */
    Map<String, String> workerProperties(
            String instance, int concurrency, Duration claimMaxAge, Duration claimKeepAlive) {
        Map<String, String> properties = new HashMap<>();
        properties.put("queue.broker-url", broker.tcpUrl());
        properties.put("idempotent.jdbc-url", storeUrl);
        properties.put("idempotent.jdbc-user", EmbeddedPostgresStore.USER);
        properties.put("idempotent.jdbc-password", "");
        properties.put("idempotent.claim-max-age", Long.toString(claimMaxAge.toMillis()));
        properties.put("idempotent.claim-keep-alive", Long.toString(claimKeepAlive.toMillis()));
        properties.put("worker.instance", instance);
        properties.put("worker.concurrency", Integer.toString(concurrency));
        properties.put("camel.component.seedance.base-url", emulator.baseUrl());
        // a key goes in through a placeholder, as secrets should
        properties.put(KEY_PROPERTY, emulator.apiKey());
        properties.put("camel.component.seedance.api-key", "{{" + KEY_PROPERTY + "}}");
        return properties;
    }

    /** The environment of a worker in another JVM, as an operator would set it. */
    Map<String, String> workerEnvironment(
            String instance, int concurrency, Duration claimMaxAge, Duration claimKeepAlive) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SEEDANCE_BROKER_URL", broker.tcpUrl());
        environment.put("SEEDANCE_IDEMPOTENT_JDBC_URL", storeUrl);
        environment.put("SEEDANCE_IDEMPOTENT_JDBC_USER", EmbeddedPostgresStore.USER);
        environment.put("SEEDANCE_INSTANCE", instance);
        environment.put("SEEDANCE_WORKER_CONCURRENCY", Integer.toString(concurrency));
        environment.put("SEEDANCE_CLAIM_MAX_AGE", claimMaxAge.toMillis() + "ms");
        environment.put("SEEDANCE_CLAIM_KEEP_ALIVE", claimKeepAlive.toMillis() + "ms");
        environment.put("SEEDANCE_API_KEY", emulator.apiKey());
        environment.put("SEEDANCE_BASE_URL", emulator.baseUrl());
        return environment;
    }

    QueueClient client() throws Exception {
        return new QueueClient(broker.tcpUrl(), QUEUES);
    }

    /** Messages on the request queue, counting those in delivery and those waiting to be redelivered. */
    long pendingRequests() {
        return broker.messageCount(QUEUES.requests());
    }

    int requestConsumers() {
        return broker.consumerCount(QUEUES.requests());
    }

    @Override
    public void close() {
        emulator.close();
        broker.close();
    }
}
