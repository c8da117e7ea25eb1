package io.github.camelseedance.client;

import java.util.concurrent.Future;

import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Ends one HTTP exchange at any point: while it waits for a connection, through the client's future, and once it runs,
 * by discarding its connection, which closes it. The future alone is not enough: once connected, the client may no
 * longer pass a cancel on to the exchange.
 */
final class ExchangeHandle implements Cancellable {

    /** The context attribute under which an exchange's handle waits for the connection it runs on. */
    static final String ATTRIBUTE = ExchangeHandle.class.getName();

    // guarded by this
    private Future<?> future;
    private AsyncExecRuntime runtime;
    private boolean cancelled;

    /** The client's future of the exchange; cancelled at once if the handle already was. */
    void running(Future<?> exchange) {
        boolean cancel;
        synchronized (this) {
            future = exchange;
            cancel = cancelled;
        }
        if (cancel) {
            exchange.cancel(true);
        }
    }

    /**
     * Called by the client's chain just before the exchange runs on its connection: false when the handle was
     * cancelled, and the exchange must not run.
     */
    boolean attach(AsyncExecRuntime connection) {
        synchronized (this) {
            if (!cancelled) {
                runtime = connection;
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean cancel() {
        Future<?> exchange;
        AsyncExecRuntime connection;
        synchronized (this) {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            exchange = future;
            connection = runtime;
        }
        if (exchange != null) {
            exchange.cancel(true);
        }
        if (connection != null) {
            connection.discardEndpoint();
        }
        return true;
    }
}
