package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Artemis broker inside this JVM, for the demo and the tests: an in-VM acceptor for a worker in the same JVM
 * and a TCP acceptor on a loopback address for workers in other JVMs. In production the workers connect to a broker
 * run on its own; this class only stands in for it.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** The in-VM address of the broker, for a worker in the same JVM. */
    public static final String IN_VM_URL = "vm://0";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String TCP_ACCEPTOR = "tcp";

    private final EmbeddedActiveMQ embedded;
    private final String host;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ embedded, String host, int port) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts the broker with the example's queues.
     *
     * @param host            the address the TCP acceptor binds, a loopback address unless other machines must connect
     * @param port            the TCP port, 0 for a free one chosen by the system
     * @param queues          the queues to create
     * @param redeliveryDelay how long a request rolled back by a worker waits before it is delivered again
     * @param dataDirectory   where the broker may write; persistence is off, so normally nothing is written
     */
    public static EmbeddedBroker start(
            String host, int port, QueueNames queues, Duration redeliveryDelay, Path dataDirectory) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("seedance-broker")
                // the demo and the tests start from empty queues every time; a production broker persists
                .setPersistenceEnabled(false)
                // loopback only, no credentials; a shared broker should require them (see the README)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setMaxDiskUsage(-1)
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setLargeMessagesDirectory(
                        dataDirectory.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString());
        config.setBrokerInstance(dataDirectory.toFile());
        config.addAcceptorConfiguration("in-vm", IN_VM_URL);
        config.addAcceptorConfiguration(TCP_ACCEPTOR, "tcp://" + host + ":" + port);
        config.addAddressSetting(queues.requests(), requestSettings(redeliveryDelay));
        for (String queue : new String[] {queues.requests(), queues.results(), queues.deadLetter()}) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(config);
        embedded.start();
        int actualPort = ((NettyAcceptor)
                        embedded.getActiveMQServer().getRemotingService().getAcceptor(TCP_ACCEPTOR))
                .getActualPort();
        EmbeddedBroker broker = new EmbeddedBroker(embedded, host, actualPort);
        LOG.info("Artemis broker listening on {} (and in-VM at {})", broker.tcpUrl(), IN_VM_URL);
        return broker;
    }

    /**
     * The request address: a rolled-back request comes back after the delay, as often as needed. Workers roll back only
     * when another instance is generating the same request or when they could not finish (a crash, a lost store), so
     * the broker must never give up on a request and move it to its own dead-letter address; failed generations go to
     * the example's dead-letter queue, written by the worker with the reason.
     */
    static AddressSettings requestSettings(Duration redeliveryDelay) {
        return new AddressSettings()
                .setRedeliveryDelay(redeliveryDelay.toMillis())
                .setMaxDeliveryAttempts(-1);
    }

    /** {@code tcp://host:port}, for workers in other JVMs. */
    public String tcpUrl() {
        return "tcp://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Messages in the queue, counting those being delivered and those waiting for a redelivery. */
    public long messageCount(String queue) {
        return locate(queue).getMessageCount();
    }

    /** Consumers attached to the queue, across all connected workers. */
    public int consumerCount(String queue) {
        return locate(queue).getConsumerCount();
    }

    private Queue locate(String queue) {
        Queue found = embedded.getActiveMQServer().locateQueue(queue);
        if (found == null) {
            throw new IllegalArgumentException("No queue " + queue + " on the broker");
        }
        return found;
    }

    @Override
    public void close() {
        try {
            embedded.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the broker failed: {}", e.getMessage());
        }
    }
}
