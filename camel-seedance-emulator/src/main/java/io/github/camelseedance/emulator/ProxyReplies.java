package io.github.camelseedance.emulator;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The forward proxy's own short answers, when it refuses a request or its target fails: plain text, said once. */
final class ProxyReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyReplies.class);

    private ProxyReplies() {}

    static void refuse(HttpServerRequest request, int status, String reason) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended() || response.headWritten()) {
            return;
        }
        LOG.debug("Proxy: {} {} -> {} ({})", request.method(), request.uri(), status, reason);
        response.setStatusCode(status).putHeader("Content-Type", "text/plain").end(reason + "\n");
    }

    /**
     * Answers and closes the connection: for a request whose body may be left unread, or an exchange that broke
     * midway. When the answer has already begun, only closes.
     */
    static void refuseAndClose(HttpServerRequest request, int status, String reason) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended() || response.headWritten()) {
            request.connection().close();
            return;
        }
        LOG.debug("Proxy: {} {} -> {} ({})", request.method(), request.uri(), status, reason);
        response.setStatusCode(status)
                .putHeader("Content-Type", "text/plain")
                .putHeader("Connection", "close")
                .end(reason + "\n")
                .onComplete(sent -> request.connection().close());
    }
}
