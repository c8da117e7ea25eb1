package io.github.camelseedance.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
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
 * stalls that long, fails); {@code connectTimeout} is a timer on the component's scheduler.
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
                // the client defaults without Expect: 100-continue, which would hold every POST back until the
                // server answers 100 or three seconds pass, and which some gateways refuse
                .setHttpProcessor(HttpProcessorBuilder.create().addAll(RequestTargetHost.INSTANCE,
                        RequestContent.INSTANCE, RequestConnControl.INSTANCE, new RequestUserAgent("camel-seedance"))
                        .build())
                .setHttp1Config(Http1Config.custom().setBufferSize(buffers.perConnection())
                        .setInitialWindowSize((int) buffers.initialWindow()).build())
                // no bound here: maxConcurrentRequests bounds the generations, and each needs its own connection
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultMaxPerRoute(Integer.MAX_VALUE)
                .create();
        requester.start();
    }

    /**
     * Sends the call on a pooled connection, or a new one made within {@code connectTimeout}; returns its result. The
     * timer starts before the connection is asked for, so it also covers the host's name lookup. Whichever comes
     * first, the timer or the connection, decides: a connection that comes after the timer goes back to the pool
     * unused, so a call that failed to connect is never sent.
     */
    <T> CompletableFuture<T> send(HttpCall<T> call, Duration connectTimeout) {
        ScheduledFuture<?> connectTimer;
        try {
            connectTimer = timer.schedule(() -> call.failBeforeSending(new ConnectException(
                    "no connection within the connectTimeout of " + connectTimeout.toMillis() + " ms")),
                    connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            call.failBeforeSending(new ConnectException("the component is stopping"));
            return call.result();
        }
        try {
            requester.connect(call.host(), socketTimeout, null, new FutureCallback<>() {
                @Override
                public void completed(AsyncClientEndpoint endpoint) {
                    connectTimer.cancel(false);
                    try {
                        if (call.attach(endpoint)) {
                            endpoint.execute(call, null, HttpCoreContext.create());
                        }
                    } catch (RuntimeException e) {
                        call.release(false);
                        call.fail(e);
                    }
                }

                @Override
                public void failed(Exception cause) {
                    connectTimer.cancel(false);
                    call.failBeforeSending(notConnected(cause));
                }

                @Override
                public void cancelled() {
                    connectTimer.cancel(false);
                    call.failBeforeSending(new ConnectException("The connection attempt was cancelled"));
                }
            });
        } catch (RuntimeException e) {
            // the requester refuses new work once it is shut down
            connectTimer.cancel(false);
            call.failBeforeSending(notConnected(e));
        }
        return call.result();
    }

    /**
     * Whatever stopped the connection (an unknown host, a refusal, a TLS handshake that failed), nothing was sent: a
     * ConnectException says so to the retry policy, with the cause kept.
     */
    private static ConnectException notConnected(Exception cause) {
        if (cause instanceof ConnectException connect) {
            return connect;
        }
        ConnectException wrapped = new ConnectException(cause.getClass().getSimpleName()
                                                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        wrapped.initCause(cause);
        return wrapped;
    }

    @Override
    public void close() {
        requester.close(CloseMode.IMMEDIATE);
    }
}
