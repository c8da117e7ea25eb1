package io.github.camelseedance.emulator;

import java.net.URI;
import java.net.URISyntaxException;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards an absolute-form request to its loopback target and streams the answer back, hop-by-hop headers left out:
 * 403 off loopback, 502 with no connection. A target's dropped or cut answer closes the client's connection the same
 * way, so the emulator's faults look alike through the proxy.
 */
final class ProxyForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyForwarder.class);

    private final HttpClient client;
    private final ProxyRecords records;

    ProxyForwarder(HttpClient client, ProxyRecords records) {
        this.client = client;
        this.records = records;
    }

    void forward(HttpServerRequest request) {
        URI uri = absoluteHttpUri(request.uri());
        if (uri == null) {
            ProxyReplies.refuse(
                    request, 400, "Not a proxy request: send an absolute http:// URI, or CONNECT for https");
            return;
        }
        ProxyTarget target = ProxyTarget.of(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        if (!target.loopback()) {
            records.refusedTarget();
            ProxyReplies.refuse(request, 403, "This proxy connects only to loopback addresses, not " + target.host());
            return;
        }
        // held until the forwarded request is ready to take the body
        request.pause();
        records.contacted(target.authority());
        MultiMap headers = HopByHopHeaders.endToEnd(request.headers());
        // the proxy answered any 100-continue itself; the Host is the absolute URI's authority (RFC 9112, 3.2.2)
        headers.remove("Expect");
        headers.set("Host", uri.getRawAuthority());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setServer(target.socketAddress())
                .setHost(target.address().getHostAddress())
                .setPort(target.port())
                .setURI(originForm(uri))
                .setHeaders(headers)
                .setFollowRedirects(false);
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                LOG.debug(
                        "Proxy: {} {}: no connection: {}",
                        request.method(),
                        request.uri(),
                        connected.cause().toString());
                ProxyReplies.refuseAndClose(request, 502, "Bad gateway: no connection to " + target.authority());
                return;
            }
            send(request, connected.result())
                    .onSuccess(in -> relay(request, in))
                    .onFailure(e -> {
                        LOG.debug("Proxy: {} {}: no answer: {}", request.method(), request.uri(), e.toString());
                        request.connection().close();
                    });
        });
    }

    private static Future<HttpClientResponse> send(HttpServerRequest request, HttpClientRequest out) {
        // a client that leaves before the answer leaves the target too, as it would without the proxy
        request.response().closeHandler(closed -> out.reset());
        if (request.headers().contains("Content-Length") || request.headers().contains("Transfer-Encoding")) {
            return out.send(request);
        }
        request.resume();
        return out.send();
    }

    private static void relay(HttpServerRequest request, HttpClientResponse in) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            in.request().reset();
            return;
        }
        response.setStatusCode(in.statusCode()).setStatusMessage(in.statusMessage());
        response.headers().addAll(HopByHopHeaders.endToEnd(in.headers()));
        if (!response.headers().contains("Content-Length") && mayHaveBody(request.method(), in.statusCode())) {
            response.setChunked(true);
        }
        in.pipe().endOnFailure(false).to(response).onFailure(e -> {
            // a body cut short stays cut short: the client sees the connection end, as it would without the proxy
            LOG.debug("Proxy: {} {}: the answer broke off: {}", request.method(), request.uri(), e.toString());
            in.request().reset();
            request.connection().close();
        });
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private static URI absoluteHttpUri(String requestTarget) {
        try {
            URI uri = new URI(requestTarget);
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String originForm(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
