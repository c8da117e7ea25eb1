package io.github.camelseedance.emulator;

import java.util.Map;
import java.util.function.IntConsumer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends answers and reports the status actually delivered, so records say -1 when the client had already gone. */
final class Replies {

    /** How many bytes a truncated answer promises beyond its body. */
    private static final int TRUNCATED_BYTES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    static void send(
            HttpServerRequest request,
            int status,
            String contentType,
            Buffer body,
            Map<String, String> headers,
            IntConsumer delivered) {
        if (prepare(request, status, contentType, headers, delivered)) {
            request.response()
                    .end(body)
                    .onFailure(e -> LOG.debug(
                            "{} {}: answer not delivered: {}", request.method(), request.path(), e.toString()));
        }
    }

    /**
     * Sends the headers with a Content-Length {@value #TRUNCATED_BYTES} bytes beyond the body, writes the body and
     * closes the connection: the client reads a body cut short, as when a proxy dies mid-answer.
     */
    static void sendTruncated(
            HttpServerRequest request,
            int status,
            String contentType,
            Buffer body,
            Map<String, String> headers,
            IntConsumer delivered) {
        if (prepare(request, status, contentType, headers, delivered)) {
            HttpServerResponse response = request.response();
            response.putHeader("Content-Length", String.valueOf(body.length() + TRUNCATED_BYTES));
            // closed only once the body is on the wire: a close with the write still queued would discard it
            response.write(body).onComplete(written -> {
                LOG.debug(
                        "{} {}: closing the connection {} bytes short, as scripted",
                        request.method(),
                        request.path(),
                        TRUNCATED_BYTES);
                request.connection().close();
            });
        }
    }

    /** Sends a scripted answer as it says: whole, cut short, or not at all (the connection is dropped). */
    static void sendScripted(HttpServerRequest request, EmulatorResponse scripted, IntConsumer delivered) {
        if (scripted.isDropConnection()) {
            LOG.debug("{} {}: dropping the connection without an answer", request.method(), request.path());
            delivered.accept(-1);
            request.connection().close();
        } else if (scripted.isTruncated()) {
            sendTruncated(
                    request,
                    scripted.status(),
                    scripted.contentType(),
                    Buffer.buffer(scripted.body()),
                    scripted.headers(),
                    delivered);
        } else {
            send(
                    request,
                    scripted.status(),
                    scripted.contentType(),
                    Buffer.buffer(scripted.body()),
                    scripted.headers(),
                    delivered);
        }
    }

    static void sendJson(HttpServerRequest request, int status, String json, IntConsumer delivered) {
        send(request, status, "application/json", Buffer.buffer(json), Map.of(), delivered);
    }

    static void sendError(
            HttpServerRequest request,
            int status,
            String message,
            String type,
            String param,
            Object code,
            IntConsumer delivered) {
        sendJson(request, status, EmulatorResponse.errorBody(message, type, param, code), delivered);
    }

    static void ignore(int status) {
        // for answers that are not recorded anywhere
    }

    // status and headers set, or false (and -1 reported) when the client already left
    private static boolean prepare(
            HttpServerRequest request,
            int status,
            String contentType,
            Map<String, String> headers,
            IntConsumer delivered) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            LOG.debug("{} {}: the client left before the {} answer", request.method(), request.path(), status);
            delivered.accept(-1);
            return false;
        }
        // recorded before the bytes leave, so a test that has its answer also sees the status in the records
        delivered.accept(status);
        LOG.debug("{} {} -> {}", request.method(), request.path(), status);
        response.setStatusCode(status);
        if (contentType != null) {
            response.putHeader("Content-Type", contentType);
        }
        headers.forEach(response::putHeader);
        return true;
    }
}
