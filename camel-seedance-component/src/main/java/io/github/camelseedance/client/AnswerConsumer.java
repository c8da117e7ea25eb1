package io.github.camelseedance.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * The API's answer, read into memory up to a limit: one for a success, a smaller one for an error. An answer over its
 * limit is cut there and completes as such, and the rest is not read: the connection is dropped instead.
 */
final class AnswerConsumer implements AsyncResponseConsumer<AnswerConsumer.Answer> {

    /**
     * @param status     the HTTP status
     * @param retryAfter the Retry-After header, or null
     * @param body       the body as sent, or its first bytes when cut
     * @param cut        whether the body was larger than its limit, so not read to its end
     */
    record Answer(int status, String retryAfter, byte[] body, boolean cut) {}

    private final int successLimit;
    private final int errorLimit;
    /** The answer's status once its head has arrived, 0 until then; read by whoever maps a failure. */
    private volatile int status;

    private String retryAfter;
    private int limit;
    private ByteArrayBuffer body;
    private FutureCallback<Answer> result;
    private boolean done;

    AnswerConsumer(int successLimit, int errorLimit) {
        this.successLimit = successLimit;
        this.errorLimit = errorLimit;
    }

    /** The status of the answer's head, or 0 when no head has arrived. */
    int status() {
        return status;
    }

    @Override
    public void consumeResponse(
            HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<Answer> resultCallback) {
        Header header = response.getFirstHeader("Retry-After");
        retryAfter = header == null ? null : header.getValue();
        limit = response.getCode() >= 200 && response.getCode() < 300 ? successLimit : errorLimit;
        result = resultCallback;
        status = response.getCode();
        body = new ByteArrayBuffer(1024);
        if (entity == null) {
            complete(false);
        } else if (entity.getContentLength() > limit) {
            complete(true); // refused before reading: the length alone says it is over the limit
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing the component needs
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        if (done) {
            throw notRead();
        }
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (done) {
            throw notRead();
        }
        int room = limit - body.length();
        if (src.remaining() > room) {
            byte[] part = new byte[room];
            src.get(part);
            body.append(part, 0, room);
            complete(true);
            throw notRead();
        }
        byte[] part = new byte[src.remaining()];
        src.get(part);
        body.append(part, 0, part.length);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        if (!done) {
            complete(false);
        }
    }

    @Override
    public void failed(Exception cause) {
        // the client fails the exchange's future with the cause; nothing is held here to release
    }

    @Override
    public void releaseResources() {
        body = null;
    }

    private void complete(boolean cut) {
        done = true;
        result.completed(new Answer(status, retryAfter, body.toByteArray(), cut));
    }

    /** Failing the exchange closes the connection instead of reading on. */
    private static IOException notRead() {
        return new IOException("the rest of an answer over its size limit is not read");
    }
}
