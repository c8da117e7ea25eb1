package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * What every worker must agree on, in Camel's JDBC table {@code CAMEL_MESSAGEPROCESSED}: the ids answered
 * ({@value #ANSWERED}: dropped without a call) and the ids being generated ({@value #CLAIMS}: one row per id, owned by
 * the worker that inserted it, taken over once not refreshed for the maximum age).
 */
public final class IdempotentStore {

    static final String ANSWERED = "seedance-answered";
    static final String CLAIMS = "seedance-claims";

    /**
     * Camel's table, created only if missing: workers that start together on an empty database would otherwise race
     * to create it, and the loser would fail to start.
     */
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED ("
            + "processorName VARCHAR(255), messageId VARCHAR(100), createdAt TIMESTAMP, "
            + "PRIMARY KEY (processorName, messageId))";

    private final JdbcMessageIdRepository answered;
    private final JdbcOrphanLockAwareIdempotentRepository claims;

    private IdempotentStore(JdbcMessageIdRepository answered, JdbcOrphanLockAwareIdempotentRepository claims) {
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
        JdbcMessageIdRepository answered = new JdbcMessageIdRepository(dataSource, ANSWERED);
        answered.setCreateTableIfNotExists(true);
        answered.setCreateString(CREATE_TABLE);
        JdbcOrphanLockAwareIdempotentRepository claims =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, CLAIMS, context);
        claims.setCreateTableIfNotExists(true);
        claims.setCreateString(CREATE_TABLE);
        claims.setLockMaxAgeMillis(claimMaxAge.toMillis());
        claims.setLockKeepAliveIntervalMillis(claimKeepAlive.toMillis());
        return new IdempotentStore(answered, claims);
    }

    /** The repositories, to be started before the first request and stopped after the last. */
    public List<Service> services() {
        return List.of(answered, claims);
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
