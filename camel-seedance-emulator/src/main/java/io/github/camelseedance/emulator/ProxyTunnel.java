package io.github.camelseedance.emulator;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code CONNECT host:port}: opens a TCP connection to the loopback target, answers 200 and pipes bytes both
 * ways until either side closes, so HTTPS passes through the proxy unread. A target off loopback gets 403 and is never
 * contacted; one that refuses the connection gets 502.
 */
final class ProxyTunnel {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyTunnel.class);

    private final NetClient client;
    private final ProxyRecords records;

    ProxyTunnel(NetClient client, ProxyRecords records) {
        this.client = client;
        this.records = records;
    }

    void open(HttpServerRequest request) {
        ProxyTarget target;
        try {
            target = ProxyTarget.ofAuthority(request.uri());
        } catch (IllegalArgumentException e) {
            ProxyReplies.refuse(request, 400, "CONNECT needs host:port");
            return;
        }
        if (!target.loopback()) {
            records.refusedTarget();
            ProxyReplies.refuse(request, 403, "This proxy connects only to loopback addresses, not " + target.host());
            return;
        }
        records.contacted(target.authority());
        client.connect(target.socketAddress())
                .onFailure(e -> {
                    LOG.debug("Proxy: CONNECT {} failed: {}", target.authority(), e.toString());
                    ProxyReplies.refuseAndClose(request, 502, "Bad gateway: " + target.authority() + " refused");
                })
                .onSuccess(upstream -> {
                    // held until the client's side is piped to it
                    upstream.pause();
                    request.toNetSocket()
                            .onSuccess(downstream -> {
                                LOG.debug("Proxy: tunnel to {} open", target.authority());
                                downstream.pipeTo(upstream);
                                upstream.pipeTo(downstream);
                            })
                            .onFailure(e -> upstream.close());
                });
    }
}
