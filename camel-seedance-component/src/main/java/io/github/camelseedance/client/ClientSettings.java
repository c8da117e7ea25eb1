package io.github.camelseedance.client;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What makes one HTTP client differ from another: how servers are trusted and which proxy is used. Endpoints with
 * equal settings share one client, whatever their timeouts; timeouts go with each request.
 *
 * @param sslContextParameters the TLS settings, or null for the JVM's defaults
 * @param proxy                the proxy, or null for direct connections
 */
public record ClientSettings(SSLContextParameters sslContextParameters, ProxySettings proxy) {

    /** Says whether TLS is set, not how: key store settings may hold passwords. */
    @Override
    public String toString() {
        return "ClientSettings{tls=" + (sslContextParameters == null ? "JVM default" : "sslContextParameters")
                + ", proxy=" + (proxy == null ? "none" : proxy) + "}";
    }
}
