package io.github.camelseedance.client;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The connections that the endpoints of one component share when they have the same {@code requestTimeout}: one
 * {@link HttpTransport} for API calls and, from the first download, one for video hosts, each with one I/O thread. A
 * route that makes many endpoints (options in a {@code toD} URI) so makes no threads per endpoint. The
 * {@code requestTimeout} is the sockets' inactivity timeout, fixed when a connection opens, which is why endpoints with
 * another one get their own.
 */
public final class HttpTransports implements AutoCloseable {

    private final Duration requestTimeout;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final HttpTransport api;
    private HttpTransport videoHosts;
    private boolean closed;

    /**
     * @param timer   runs the connect timers
     * @param workers where a download is started: opening a connection may look the host up, which blocks, and must
     *                not block an I/O thread
     */
    public HttpTransports(Duration requestTimeout, ScheduledExecutorService timer, Executor workers) {
        this.requestTimeout = requestTimeout;
        this.timer = timer;
        this.workers = workers;
        this.api = new HttpTransport(requestTimeout, timer, HttpTransport.Buffers.ANSWERS);
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    HttpTransport api() {
        return api;
    }

    Executor workers() {
        return workers;
    }

    /** Made at the first download, since most routes never download; null once closed. */
    synchronized HttpTransport videoHosts() {
        if (videoHosts == null && !closed) {
            videoHosts = new HttpTransport(requestTimeout, timer, HttpTransport.Buffers.VIDEOS);
        }
        return videoHosts;
    }

    /** Closes every connection; calls still in flight fail. */
    @Override
    public synchronized void close() {
        closed = true;
        api.close();
        if (videoHosts != null) {
            videoHosts.close();
            videoHosts = null;
        }
    }
}
