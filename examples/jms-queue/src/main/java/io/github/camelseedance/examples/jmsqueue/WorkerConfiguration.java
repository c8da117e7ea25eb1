package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import javax.sql.DataSource;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Wires a worker from its properties: the JMS connection and its transaction manager, the idempotent store and the
 * beans the routes call.
 */
public class WorkerConfiguration implements CamelConfiguration {

    static final String TRANSACTION_POLICY = "seedanceJmsTransaction";
    static final String CLAIMS = "seedanceClaims";
    static final String GENERATION = "seedanceGeneration";
    static final String STATS = "seedanceWorkerStats";
    static final String INSTANCE_PROPERTY = "worker.instance";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        String instance = instanceName(context);
        int concurrency = Integer.parseInt(property(context, "worker.concurrency"));
        if (concurrency < 1) {
            throw new IllegalArgumentException("worker.concurrency must be at least 1: " + concurrency);
        }

        String brokerUrl = property(context, "queue.broker-url");
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(
                brokerUrl,
                blankToNull(property(context, "queue.broker-user")),
                blankToNull(property(context, "queue.broker-password")));
        // no prefetching: a request waits on the broker until a consumer is free, so it goes to whichever worker
        // has capacity instead of queueing behind a long generation in the client buffer of a busy one
        artemis.setConsumerWindowSize(0);
        // one connection, sessions and consumers reused across transactions: the transaction manager would otherwise
        // open a new connection for every receive
        CachingConnectionFactory connections = new CachingConnectionFactory(artemis);
        connections.setSessionCacheSize(concurrency);
        JmsTransactionManager transactions = new JmsTransactionManager(connections);
        // off by default in JmsTransactionManager; the claims are settled by a synchronization on the JMS transaction
        // (RequestClaims), and the idempotent store's JDBC transactions suspend and resume it around their own
        transactions.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connections);
        jms.setTransactionManager(transactions);
        context.addComponent("jms", jms);
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactions);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        context.getRegistry().bind(TRANSACTION_POLICY, policy);

        String jdbcUrl = property(context, "idempotent.jdbc-url");
        // no pool: a worker runs a handful of statements per video, and a video takes minutes
        DataSource dataSource = new DriverManagerDataSource(
                jdbcUrl, property(context, "idempotent.jdbc-user"), property(context, "idempotent.jdbc-password"));
        IdempotentStore store = IdempotentStore.create(
                dataSource,
                context,
                duration(context, "idempotent.claim-max-age"),
                duration(context, "idempotent.claim-keep-alive"));
        ResultStore results = new ResultStore(dataSource);

        // stopped in reverse order: the connection closes last, after the routes and the store
        addService(context, new ServiceSupport() {
            @Override
            protected void doStop() {
                connections.destroy();
            }
        });
        for (Service service : store.services()) {
            addService(context, service);
        }
        addService(context, results);

        context.getRegistry().bind(CLAIMS, new RequestClaims(store, results));
        context.getRegistry().bind(GENERATION, new GenerationSteps(results, instance));
        context.getRegistry().bind(STATS, new WorkerStats());

        LOG.info(
                "Worker {}: {} consumer(s) on {} at {}, idempotent store at {}",
                instance,
                concurrency,
                property(context, "queue.requests"),
                Texts.withoutSecrets(brokerUrl),
                Texts.withoutSecrets(jdbcUrl));
    }

    /** The configured instance name, or one made from the host and process id. */
    static String instanceName(CamelContext context) {
        String configured = property(context, INSTANCE_PROPERTY).strip();
        if (!configured.isEmpty()) {
            return configured;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "worker");
        String generated = (host.isBlank() ? "worker" : host) + "-"
                + ProcessHandle.current().pid();
        context.getPropertiesComponent().addOverrideProperty(INSTANCE_PROPERTY, generated);
        return generated;
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add " + service, e);
        }
    }

    private static String property(CamelContext context, String key) {
        return context.getPropertiesComponent()
                .resolveProperty(key)
                .orElseThrow(() -> new IllegalArgumentException("Property " + key + " is not set"));
    }

    private static Duration duration(CamelContext context, String key) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(property(context, key)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
