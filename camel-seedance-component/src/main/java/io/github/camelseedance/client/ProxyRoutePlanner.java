package io.github.camelseedance.client;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Routes every call through the proxy except those to the hosts its {@code nonProxyHosts} names. */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private final ProxySettings proxy;
    private final HttpHost proxyHost;

    ProxyRoutePlanner(ProxySettings proxy) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxy = proxy;
        this.proxyHost = new HttpHost(proxy.host(), proxy.port());
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return proxy.bypasses(target.getHostName()) ? null : proxyHost;
    }
}
