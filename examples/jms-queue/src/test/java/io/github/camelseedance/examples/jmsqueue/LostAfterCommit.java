package io.github.camelseedance.examples.jmsqueue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.api.Trigger;

/**
 * An H2 trigger on Camel's idempotent table that makes a worker's store writes about one request fail, as if the
 * worker died right after its JMS commit: the id is never recorded as answered and its claim is never released.
 * Armed and disarmed by a test in the JVM that runs the H2 server, where the trigger fires.
 */
public final class LostAfterCommit implements Trigger {

    private static volatile String armedFor;
    private static final AtomicInteger REFUSED = new AtomicInteger();

    /** Adds the trigger to the store's table; the workers create the table when they start. */
    static void install(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER IF NOT EXISTS LOST_AFTER_COMMIT BEFORE INSERT, DELETE ON "
                    + "CAMEL_MESSAGEPROCESSED FOR EACH ROW CALL '" + LostAfterCommit.class.getName() + "'");
        }
    }

    /** From now on, refuses to record {@code requestId} as answered and to delete its claim. */
    static void arm(String requestId) {
        REFUSED.set(0);
        armedFor = requestId;
    }

    static void disarm() {
        armedFor = null;
    }

    /** How many writes were refused since {@link #arm}. */
    static int refused() {
        return REFUSED.get();
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String requestId = armedFor;
        if (requestId == null) {
            return;
        }
        // columns: processorName, messageId, createdAt
        boolean recordsAnswer = oldRow == null && isRow(newRow, IdempotentStore.ANSWERED, requestId);
        boolean releasesClaim = newRow == null && isRow(oldRow, IdempotentStore.CLAIMS, requestId);
        if (recordsAnswer || releasesClaim) {
            REFUSED.incrementAndGet();
            throw new SQLException("The worker died (simulated) before it could "
                    + (recordsAnswer ? "record " + requestId + " as answered" : "release its claim on " + requestId));
        }
    }

    private static boolean isRow(Object[] row, String processorName, String requestId) {
        return row != null && processorName.equals(row[0]) && requestId.equals(row[1]);
    }
}
