package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker mode: a broker and an idempotent store on this machine, on the addresses a worker uses by default
 * ({@code tcp://127.0.0.1:61616} and {@code jdbc:postgresql://127.0.0.1:5432/seedance}), until stopped. For trying
 * several workers on one machine; in production both are services of their own.
 */
final class LocalInfrastructureRun {

    static final int BROKER_PORT = 61616;
    static final int STORE_PORT = 5432;
    static final String DATABASE = "seedance";

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructureRun.class);

    private LocalInfrastructureRun() {}

    static int run(Path dataDirectory) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedBroker broker = EmbeddedBroker.start(
                        "127.0.0.1",
                        BROKER_PORT,
                        QueueNames.DEFAULT,
                        QueueApplication.LOCAL_REDELIVERY_DELAY,
                        dataDirectory);
                EmbeddedPostgresStore store = EmbeddedPostgresStore.start(STORE_PORT, DATABASE)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "broker-mode-shutdown"));
            LOG.info(
                    "Ready for workers: SEEDANCE_BROKER_URL={} SEEDANCE_IDEMPOTENT_JDBC_URL={} (Ctrl+C stops)",
                    broker.tcpUrl(),
                    store.jdbcUrl());
            stopped.await();
        }
        return 0;
    }
}
