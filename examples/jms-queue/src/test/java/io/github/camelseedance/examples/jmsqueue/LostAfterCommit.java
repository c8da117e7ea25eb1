package io.github.camelseedance.examples.jmsqueue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A trigger on Camel's idempotent table that makes a worker's store writes about one request fail, as if the worker died
 * right after its JMS commit: the id is never recorded as answered and its claim is never released.
 */
final class LostAfterCommit {

    private final String jdbcUrl;

    private LostAfterCommit(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Adds the trigger to the store's table, disarmed; the workers create the table when they start. A refused write
     * rolls back, so refusals are counted by a sequence, which no rollback undoes.
     */
    static LostAfterCommit install(String jdbcUrl) throws SQLException {
        try (Connection connection = SharedPostgres.connect(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE lost_after_commit_armed (request_id VARCHAR(100) PRIMARY KEY)");
            statement.execute("CREATE SEQUENCE lost_after_commit_refused");
            statement.execute("CREATE FUNCTION lost_after_commit() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                    + "BEGIN\n"
                    + "  IF TG_OP = 'INSERT' AND NEW.processorName = '" + IdempotentStore.ANSWERED + "'\n"
                    + "      AND NEW.messageId IN (SELECT request_id FROM lost_after_commit_armed) THEN\n"
                    + "    PERFORM nextval('lost_after_commit_refused');\n"
                    + "    RAISE EXCEPTION 'The worker died (simulated) before it could record % as answered',"
                    + " NEW.messageId;\n"
                    + "  END IF;\n"
                    + "  IF TG_OP = 'DELETE' AND OLD.processorName = '" + IdempotentStore.CLAIMS + "'\n"
                    + "      AND OLD.messageId IN (SELECT request_id FROM lost_after_commit_armed) THEN\n"
                    + "    PERFORM nextval('lost_after_commit_refused');\n"
                    + "    RAISE EXCEPTION 'The worker died (simulated) before it could release its claim on %',"
                    + " OLD.messageId;\n"
                    + "  END IF;\n"
                    + "  RETURN COALESCE(NEW, OLD);\n"
                    + "END $$");
            statement.execute("CREATE TRIGGER lost_after_commit BEFORE INSERT OR DELETE ON CAMEL_MESSAGEPROCESSED"
                    + " FOR EACH ROW EXECUTE FUNCTION lost_after_commit()");
        }
        return new LostAfterCommit(jdbcUrl);
    }

    /** From now on, refuses to record {@code requestId} as answered and to delete its claim. */
    void arm(String requestId) throws SQLException {
        try (Connection connection = SharedPostgres.connect(jdbcUrl);
                Statement statement = connection.createStatement();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO lost_after_commit_armed VALUES (?)")) {
            statement.execute("ALTER SEQUENCE lost_after_commit_refused RESTART");
            insert.setString(1, requestId);
            insert.executeUpdate();
        }
    }

    void disarm() throws SQLException {
        try (Connection connection = SharedPostgres.connect(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM lost_after_commit_armed");
        }
    }

    /** How many writes were refused since {@link #arm}. */
    int refused() throws SQLException {
        try (Connection connection = SharedPostgres.connect(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT last_value, is_called FROM lost_after_commit_refused")) {
            row.next();
            return row.getBoolean("is_called") ? row.getInt("last_value") : 0;
        }
    }
}
