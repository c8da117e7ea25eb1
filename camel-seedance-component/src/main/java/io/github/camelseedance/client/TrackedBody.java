package io.github.camelseedance.client;

import java.io.IOException;
import java.util.Set;

import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A request body that notes when the client starts writing it. Until then the request has not gone out (the client
 * was still connecting, or the connection failed), so the provider cannot have started the generation: that fact,
 * not the type of the failure, is what tells a retry that cannot pay twice. The first write asks the {@link SendGate}.
 */
final class TrackedBody implements AsyncEntityProducer {

    private final AsyncEntityProducer body;
    private final SendGate gate;
    private volatile boolean started;

    TrackedBody(AsyncEntityProducer body, SendGate gate) {
        this.body = body;
        this.gate = gate;
    }

    /** Whether any of the body may have been written to a connection. */
    boolean started() {
        return started;
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (!started) {
            if (!gate.admit()) {
                throw new RequestNotExecutedException("the exchange stopped before the request was sent");
            }
            started = true;
        }
        body.produce(channel);
    }

    @Override
    public boolean isRepeatable() {
        return body.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
        body.failed(cause);
    }

    @Override
    public long getContentLength() {
        return body.getContentLength();
    }

    @Override
    public String getContentType() {
        return body.getContentType();
    }

    @Override
    public String getContentEncoding() {
        return body.getContentEncoding();
    }

    @Override
    public boolean isChunked() {
        return body.isChunked();
    }

    @Override
    public Set<String> getTrailerNames() {
        return body.getTrailerNames();
    }

    @Override
    public int available() {
        return body.available();
    }

    @Override
    public void releaseResources() {
        body.releaseResources();
    }
}
