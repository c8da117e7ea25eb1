package io.github.camelseedance.examples.jmsqueue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 database in server mode, for the demo and the tests: the idempotent store that every worker, in any JVM,
 * reaches over TCP. The database lives in memory for as long as this server runs. In production the workers point at
 * a database run on its own (any JDBC database); this class only stands in for it.
 */
public final class H2StoreServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreServer.class);
    private static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";

    private final Server server;
    private final Connection keeper;
    private final String database;

    private H2StoreServer(Server server, Connection keeper, String database) {
        this.server = server;
        this.keeper = keeper;
        this.database = database;
    }

    /**
     * Starts the TCP server on a loopback address.
     *
     * @param port     the TCP port, 0 for a free one chosen by the system
     * @param database the name of the in-memory database the workers share
     */
    public static H2StoreServer start(int port, String database) throws SQLException {
        // H2 reads its bind address once, from a system property, when its first class loads; without it the
        // server listens on every interface (it still refuses other hosts, as -tcpAllowOthers is not given)
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
        }
        // the database is created here, by this JVM, and kept open: remote clients may only open existing databases
        Connection keeper = DriverManager.getConnection("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "");
        Server server;
        try {
            server = Server.createTcpServer("-tcpPort", Integer.toString(port)).start();
        } catch (SQLException | RuntimeException e) {
            keeper.close();
            throw e;
        }
        H2StoreServer store = new H2StoreServer(server, keeper, database);
        LOG.info("H2 idempotent store listening on 127.0.0.1:{} (database {})", server.getPort(), database);
        return store;
    }

    /** The JDBC URL the workers use; user {@code sa}, empty password. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + database;
    }

    public int port() {
        return server.getPort();
    }

    /** Stops the server and drops the database, so the next start begins empty. */
    @Override
    public void close() {
        server.stop();
        try (Statement statement = keeper.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Shutting the in-memory database down failed: {}", e.getMessage());
        } finally {
            try {
                keeper.close();
            } catch (SQLException e) {
                LOG.debug("Closing the keeper connection failed: {}", e.getMessage());
            }
        }
    }
}
