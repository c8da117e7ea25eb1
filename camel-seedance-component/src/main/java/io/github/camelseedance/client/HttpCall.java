package io.github.camelseedance.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * One request and its response on a connection leased by {@link HttpTransport}. The I/O thread calls it; the
 * connection goes back to the pool as soon as the response has been read to its end, before the result completes, so
 * the next call can use it at once. A connection whose exchange failed or was given up is closed instead.
 *
 * @param <T> what the call yields
 */
abstract class HttpCall<T> implements AsyncClientExchangeHandler {

    private final HttpHost host;
    private final HttpRequest request;
    private final AsyncEntityProducer entity;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicReference<AsyncClientEndpoint> connection = new AtomicReference<>();
    /** Decided once: sent on a connection, or ended before that (the connect timer, a failed connection). */
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.CONNECTING);

    private enum Phase {
        CONNECTING, SENDING, ENDED_UNSENT
    }

    HttpCall(URI uri, HttpRequest request, AsyncEntityProducer entity) {
        this.host = HttpHost.create(uri);
        this.request = request;
        this.entity = entity;
    }

    HttpHost host() {
        return host;
    }

    CompletableFuture<T> result() {
        return result;
    }

    /**
     * Binds the call to its connection; false when the call already ended unsent, and the connection, not used, then
     * goes back to the pool.
     */
    boolean attach(AsyncClientEndpoint endpoint) {
        connection.set(endpoint);
        if (!phase.compareAndSet(Phase.CONNECTING, Phase.SENDING)) {
            release(true);
            return false;
        }
        return true;
    }

    /** Ends the call before it has a connection; false when the connection came first and the call is on its way. */
    boolean failBeforeSending(Throwable failure) {
        return phase.compareAndSet(Phase.CONNECTING, Phase.ENDED_UNSENT) && result.completeExceptionally(failure);
    }

    boolean complete(T value) {
        return result.complete(value);
    }

    boolean fail(Throwable failure) {
        return result.completeExceptionally(failure);
    }

    /** Gives the connection back: to the pool when the exchange ended cleanly, closed otherwise. */
    final void release(boolean reuse) {
        AsyncClientEndpoint endpoint = connection.getAndSet(null);
        if (endpoint != null) {
            if (reuse) {
                endpoint.releaseAndReuse();
            } else {
                endpoint.releaseAndDiscard();
            }
        }
    }

    /** The response head has arrived; {@code entity} is null when there is no body. */
    abstract void onResponse(HttpResponse response, EntityDetails entity) throws IOException;

    /** The whole body has arrived. */
    abstract void onEnd();

    @Override
    public void produceRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        channel.sendRequest(request, entity, context);
    }

    @Override
    public int available() {
        return entity == null ? 0 : entity.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (entity != null) {
            entity.produce(channel);
        }
    }

    @Override
    public void consumeInformation(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing the component needs
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails details, HttpContext context) throws IOException {
        if (details == null) {
            release(true);
        }
        onResponse(response, details);
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        release(true);
        onEnd();
    }

    @Override
    public void failed(Exception cause) {
        release(false);
        fail(cause);
    }

    @Override
    public void cancel() {
        release(false);
        fail(new IOException("The exchange was cancelled before it completed"));
    }

    @Override
    public void releaseResources() {
        release(false);
        if (entity != null) {
            entity.releaseResources();
        }
    }
}
