package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every worker must agree on, in Camel's JDBC table {@code CAMEL_MESSAGEPROCESSED}: the ids answered
 * ({@value #ANSWERED}: dropped without a call) and the ids being generated ({@value #CLAIMS}: one row per id, owned by
 * the worker that inserted it, taken over once not refreshed for the maximum age).
 */
public final class IdempotentStore {

    static final String ANSWERED = "seedance-answered";
    static final String CLAIMS = "seedance-claims";

    /**
     * Camel's table, created only if missing, before the repositories start ({@link StoreTables}). The time stamps
     * carry their zone, so workers in different time zones agree on a claim's age.
     */
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED ("
            + "processorName VARCHAR(255), messageId VARCHAR(100), createdAt TIMESTAMP WITH TIME ZONE, "
            + "PRIMARY KEY (processorName, messageId))";

    private final Service table;
    private final JdbcMessageIdRepository answered;
    private final JdbcOrphanLockAwareIdempotentRepository claims;

    private IdempotentStore(
            Service table, JdbcMessageIdRepository answered, JdbcOrphanLockAwareIdempotentRepository claims) {
        this.table = table;
        this.answered = answered;
        this.claims = claims;
    }

    /**
     * The store on a data source. The repositories are Camel services: start them with {@link #services()}, for example
     * by adding them to the Camel context.
     *
     * @param claimMaxAge    how long a claim lives without a keep-alive before another worker may take it over; longer
     *                       than the keep-alive interval plus the clock difference between workers and any pause of one
     * @param claimKeepAlive how often a worker refreshes the claims it holds
     */
    public static IdempotentStore create(
            DataSource dataSource, CamelContext context, Duration claimMaxAge, Duration claimKeepAlive) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // the repositories' own table creation fails when workers start together on an empty database
        Service table = new ServiceSupport() {
            @Override
            protected void doStart() {
                StoreTables.create(jdbc, CREATE_TABLE);
            }
        };
        JdbcMessageIdRepository answered = new JdbcMessageIdRepository(dataSource, ANSWERED);
        answered.setCreateTableIfNotExists(false);
        JdbcOrphanLockAwareIdempotentRepository claims =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, CLAIMS, context);
        claims.setCreateTableIfNotExists(false);
        claims.setLockMaxAgeMillis(claimMaxAge.toMillis());
        claims.setLockKeepAliveIntervalMillis(claimKeepAlive.toMillis());
        return new IdempotentStore(table, answered, claims);
    }

    /**
     * The table and the repositories, to be started in this order before the first request and stopped after the last.
     */
    public List<Service> services() {
        return List.of(table, answered, claims);
    }

    public boolean isAnswered(String requestId) {
        return answered.contains(requestId);
    }

    /** Records the request as answered; false when it already was. */
    public boolean markAnswered(String requestId) {
        return answered.add(requestId);
    }

    /**
     * Claims the request for this worker: true when there was no claim, or only one left behind by a worker that died
     * (its row older than the maximum age); false when a live worker holds it. Two workers racing for the same id
     * cannot both win: the insert is guarded by the table's primary key, the takeover by a conditional update.
     */
    public boolean claim(String requestId) {
        return claims.add(requestId);
    }

    /** Deletes the claim and stops keeping it alive. */
    public boolean release(String requestId) {
        return claims.remove(requestId);
    }
}
