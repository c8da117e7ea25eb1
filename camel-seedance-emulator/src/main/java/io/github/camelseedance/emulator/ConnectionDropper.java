package io.github.camelseedance.emulator;

import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the next scripted number of TCP connections as soon as they are accepted, before any request is read: the
 * request never reaches the emulator, as when a proxy or an overloaded provider resets connections. A client that
 * reuses a kept-alive connection is not affected; only new connections are.
 */
final class ConnectionDropper implements Handler<HttpConnection> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionDropper.class);

    private final Countdown pending = new Countdown();
    private final AtomicInteger dropped = new AtomicInteger();

    @Override
    public void handle(HttpConnection connection) {
        if (pending.take()) {
            // counted before the close, so a client that has seen its connection fail also sees the count
            dropped.incrementAndGet();
            LOG.debug(
                    "Dropping the connection from {} before reading any request, as scripted",
                    connection.remoteAddress());
            connection.close();
        }
    }

    void dropNext(int count) {
        pending.add(count);
    }

    int dropped() {
        return dropped.get();
    }

    void reset() {
        pending.clear();
        dropped.set(0);
    }
}
