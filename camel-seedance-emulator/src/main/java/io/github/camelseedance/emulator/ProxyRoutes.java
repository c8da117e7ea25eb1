package io.github.camelseedance.emulator;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Records each request the forward proxy receives, refuses it with 407 when credentials are required and missing or
 * wrong, and otherwise sends it to the tunnel (CONNECT) or the forwarder (anything else).
 */
final class ProxyRoutes implements Handler<HttpServerRequest> {

    static final String REALM = "emulator-proxy";

    private final ProxyCredentials credentials;
    private final ProxyRecords records;
    private final ProxyForwarder forwarder;
    private final ProxyTunnel tunnel;

    ProxyRoutes(ProxyCredentials credentials, ProxyRecords records, ProxyForwarder forwarder, ProxyTunnel tunnel) {
        this.credentials = credentials;
        this.records = records;
        this.forwarder = forwarder;
        this.tunnel = tunnel;
    }

    @Override
    public void handle(HttpServerRequest request) {
        records.received(request.method().name(), request.uri());
        if (!credentials.accept(request.getHeader("Proxy-Authorization"))) {
            records.refusedAuthentication();
            request.response().putHeader("Proxy-Authenticate", "Basic realm=\"" + REALM + "\"");
            ProxyReplies.refuse(request, 407, "Proxy authentication required");
        } else if (request.method() == HttpMethod.CONNECT) {
            tunnel.open(request);
        } else {
            forwarder.forward(request);
        }
    }
}
