package io.github.camelseedance.client;

/**
 * An HTTP proxy: host, port, Basic {@code username} and {@code password} (null for none), and {@code nonProxyHosts}
 * reached directly, in the JVM's {@code http.nonProxyHosts} form ({@code localhost|*.internal.example|10.*}) or null.
 * Endpoints with equal settings share one HTTP client.
 */
public record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

    /** Whether a call to {@code host} goes straight to it rather than through the proxy. */
    boolean bypasses(String target) {
        return HostPatterns.matches(nonProxyHosts, target);
    }

    /** The credentials show only as set or not. */
    @Override
    public String toString() {
        return "ProxySettings{" + host + ":" + port + ", credentials=" + (username == null ? "<none>" : "<set>")
                + ", nonProxyHosts=" + nonProxyHosts + "}";
    }
}
