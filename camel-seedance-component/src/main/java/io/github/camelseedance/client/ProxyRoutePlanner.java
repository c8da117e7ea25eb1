package io.github.camelseedance.client;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Routes every call through the proxy except those to the hosts its {@code nonProxyHosts} names. The proxy connects to
 * the target itself, so the target is checked against the download rules here, before the request goes out.
 */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private final ProxySettings proxy;
    private final HttpHost proxyHost;
    private final GuardedDnsResolver guard;

    ProxyRoutePlanner(ProxySettings proxy, GuardedDnsResolver guard) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxy = proxy;
        this.proxyHost = new HttpHost(proxy.host(), proxy.port());
        this.guard = guard;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        if (proxy.bypasses(target.getHostName())) {
            return null; // a direct connection, checked when the client resolves its host
        }
        try {
            guard.checkProxiedTarget(target.getHostName(), DefaultSchemePortResolver.INSTANCE.resolve(target));
        } catch (DownloadAddressRefusedException refused) {
            throw new HttpException(refused.getMessage(), refused);
        }
        return proxyHost;
    }
}
