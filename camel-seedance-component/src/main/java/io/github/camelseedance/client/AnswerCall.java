package io.github.camelseedance.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;

import io.github.camelseedance.SeedanceException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * A call whose answer is read into memory up to a limit. The API's answers are a few hundred bytes; a larger one is a
 * misbehaving proxy or the wrong host, and is refused rather than buffered until the heap runs out.
 */
final class AnswerCall extends HttpCall<AnswerCall.Answer> {

    /**
     * @param status     the HTTP status
     * @param retryAfter the Retry-After header, or null
     * @param body       the body as sent
     */
    record Answer(int status, String retryAfter, byte[] body) {
    }

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int status;
    private String retryAfter;

    AnswerCall(URI uri, HttpRequest request, AsyncEntityProducer entity, long limit) {
        super(uri, request, entity);
        this.limit = limit;
    }

    @Override
    void onResponse(HttpResponse response, EntityDetails entity) throws IOException {
        status = response.getCode();
        Header header = response.getFirstHeader("Retry-After");
        retryAfter = header == null ? null : header.getValue();
        if (entity == null) {
            onEnd();
        } else if (entity.getContentLength() > limit) {
            refuse();
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (bytes.size() + (long) src.remaining() > limit) {
            refuse();
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        bytes.write(chunk, 0, chunk.length);
    }

    /** Fails the call with the reason, then makes the connection close instead of reading further. */
    private void refuse() throws IOException {
        fail(new SeedanceException("The Seedance API answer is larger than " + limit / 1024 + " KiB; refusing to read it"));
        throw new IOException("answer over the size limit");
    }

    @Override
    void onEnd() {
        complete(new Answer(status, retryAfter, bytes.toByteArray()));
    }
}
