package io.github.camelseedance.client;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What makes one HTTP client differ from another: {@code sslContextParameters} (null for the JVM's defaults),
 * {@code proxy} (null for none) and the {@code downloads} rules. Endpoints with equal settings share one client;
 * timeouts go with each request.
 */
public record ClientSettings(SSLContextParameters sslContextParameters, ProxySettings proxy, DownloadRules downloads) {

    /** Says whether TLS is set, not how: key store settings may hold passwords. */
    @Override
    public String toString() {
        return "ClientSettings{tls=" + (sslContextParameters == null ? "JVM default" : "sslContextParameters")
                + ", proxy=" + (proxy == null ? "none" : proxy) + ", downloads=" + downloads + "}";
    }
}
