package io.github.camelseedance.examples.jmsqueue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM, started on first use on a free loopback port and stopped when the JVM exits;
 * each caller gets an empty database of its own on it.
 */
final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresStore server;

    private SharedPostgres() {}

    /** Creates an empty database and returns its JDBC URL (user {@link EmbeddedPostgresStore#USER}, no password). */
    static String newDatabase() throws Exception {
        EmbeddedPostgresStore store = server();
        String name = "store_" + DATABASES.incrementAndGet();
        try (Connection connection = connect(store.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + store.port() + "/" + name;
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresStore.USER, "");
    }

    private static synchronized EmbeddedPostgresStore server() throws Exception {
        if (server == null) {
            server = EmbeddedPostgresStore.start(0, "tests");
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return server;
    }
}
