package io.github.camelseedance.client;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.core5.http.ContentTooLongException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AbstractAsyncResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The API's answer, read into memory up to a limit. Answers are a few hundred bytes; a larger one is a misbehaving
 * proxy or the wrong host, and is refused rather than buffered until the heap runs out.
 */
final class AnswerConsumer extends AbstractAsyncResponseConsumer<AnswerConsumer.Answer, byte[]> {

    /**
     * @param status     the HTTP status
     * @param retryAfter the Retry-After header, or null
     * @param body       the body as sent
     */
    record Answer(int status, String retryAfter, byte[] body) {}

    AnswerConsumer(long limit) {
        super(new LimitedBody(limit));
    }

    @Override
    protected Answer buildResult(HttpResponse response, byte[] body, ContentType contentType) {
        Header retryAfter = response.getFirstHeader("Retry-After");
        return new Answer(
                response.getCode(),
                retryAfter == null ? null : retryAfter.getValue(),
                body == null ? new byte[0] : body);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing the component needs
    }

    /** Failing the read ends the exchange and closes the connection instead of reading on. */
    private static final class LimitedBody extends BasicAsyncEntityConsumer {

        private final long limit;
        private long received;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
            received += src.remaining();
            if (received > limit) {
                throw new ContentTooLongException(
                        "The Seedance API answer is larger than " + limit / 1024 + " KiB; refusing to read it");
            }
            super.data(src, endOfStream);
        }
    }
}
