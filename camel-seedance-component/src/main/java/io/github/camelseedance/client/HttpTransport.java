package io.github.camelseedance.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP/1.1 over httpcore5's non-blocking requester: one I/O thread serves every connection of the transport, so a
 * generation that takes minutes holds a socket, never a thread, and the answer is read and parsed on that thread with
 * no hand-off. Connections are pooled per host and kept alive between calls.
 * <p>
 * httpcore5 rather than httpclient5's async client because the latter logs every request header, the Authorization
 * header included, whenever its DEBUG logging is on; httpcore5 logs nothing.
 * <p>
 * Timeouts: {@code requestTimeout} is the socket's inactivity timeout (an answer that takes longer, or a download that
 * stalls that long, fails); {@code connectTimeout} is a timer on the component's scheduler, started only when no
 * pooled connection is at hand.
 */
final class HttpTransport implements AutoCloseable {

    private final HttpAsyncRequester requester;
    private final Timeout socketTimeout;
    private final ScheduledExecutorService timer;
    private final Buffers buffers;

    /**
     * Buffer sizes. Each connection holds {@code perConnection} bytes for input and as much for decoded content, and
     * may receive {@code initialWindow} bytes of a body before the reader makes room; each download in progress holds
     * a ring of {@code perDownload} bytes.
     *
     * @param perConnection the connection's read buffer
     * @param initialWindow what a response body may send before the consumer is asked for room
     * @param perDownload   a download's ring, 0 where nothing is downloaded
     */
    record Buffers(int perConnection, long initialWindow, int perDownload) {

        /** API calls: answers of a few hundred bytes, possibly a thousand connections at once. */
        static final Buffers ANSWERS = new Buffers(8 * 1024, 64 * 1024, 0);
        /** Video downloads: few at a time, large, so large reads and a ring big enough to keep both sides busy. */
        static final Buffers VIDEOS = new Buffers(64 * 1024, 256 * 1024, 1024 * 1024);

        /** Room kept free in a ring for what a connection delivers beyond its window: its buffered input. */
        int slack() {
            return 2 * perConnection;
        }
    }

    Buffers buffers() {
        return buffers;
    }

    HttpTransport(Duration requestTimeout, ScheduledExecutorService timer, Buffers buffers) {
        this.buffers = buffers;
        this.socketTimeout = Timeout.of(requestTimeout);
        this.timer = timer;
        this.requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setSoTimeout(socketTimeout).build())
                .setHttpProcessor(HttpProcessors.client("camel-seedance"))
                .setHttp1Config(Http1Config.custom().setBufferSize(buffers.perConnection())
                        .setInitialWindowSize((int) buffers.initialWindow()).build())
                // no bound here: maxConcurrentRequests bounds the generations, and each needs its own connection
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultMaxPerRoute(Integer.MAX_VALUE)
                .create();
        requester.start();
    }

    /** Sends the call on a pooled connection, or a new one made within {@code connectTimeout}; returns its result. */
    <T> CompletableFuture<T> send(HttpCall<T> call, Duration connectTimeout) {
        AtomicReference<ScheduledFuture<?>> connectTimer = new AtomicReference<>();
        Future<AsyncClientEndpoint> connecting;
        try {
            connecting = requester.connect(call.host(), socketTimeout, null, new FutureCallback<>() {
                @Override
                public void completed(AsyncClientEndpoint endpoint) {
                    cancel(connectTimer.getAndSet(null));
                    if (call.attach(endpoint)) {
                        endpoint.execute(call, null, HttpCoreContext.create());
                    }
                }

                @Override
                public void failed(Exception cause) {
                    cancel(connectTimer.getAndSet(null));
                    call.fail(cause);
                }

                @Override
                public void cancelled() {
                    cancel(connectTimer.getAndSet(null));
                    call.fail(new ConnectException("The connection attempt was cancelled"));
                }
            });
        } catch (RuntimeException e) {
            // the requester refuses new work once it is shut down
            call.fail(e);
            return call.result();
        }
        if (!connecting.isDone()) {
            startConnectTimer(call, connecting, connectTimer, connectTimeout);
        }
        return call.result();
    }

    private void startConnectTimer(HttpCall<?> call, Future<AsyncClientEndpoint> connecting,
                                   AtomicReference<ScheduledFuture<?>> connectTimer, Duration connectTimeout) {
        try {
            connectTimer.set(timer.schedule(() -> {
                if (call.fail(new ConnectException("no connection within the connectTimeout of "
                                                   + connectTimeout.toMillis() + " ms"))) {
                    connecting.cancel(true);
                }
            }, connectTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException stopping) {
            return; // the component is stopping; the socket timeout still bounds the attempt
        }
        if (connecting.isDone()) {
            cancel(connectTimer.getAndSet(null));
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    @Override
    public void close() {
        requester.close(CloseMode.IMMEDIATE);
    }
}
