package io.github.camelseedance.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy: host, port, Basic {@code username} and {@code password} (null for none), and {@code nonProxyHosts}
 * reached directly, in the JVM's {@code http.nonProxyHosts} form ({@code localhost|*.internal.example|10.*}) or null.
 * Endpoints with equal settings share one HTTP client.
 */
public record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

    /** Whether a call to {@code host} goes straight to it rather than through the proxy. */
    boolean bypasses(String target) {
        String name = target.toLowerCase(Locale.ROOT);
        return patterns().stream().anyMatch(pattern -> matches(pattern, name));
    }

    private List<String> patterns() {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(nonProxyHosts.split("[|,]"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT))
                .toList();
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return host.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return host.equals(pattern);
    }

    /** The credentials show only as set or not. */
    @Override
    public String toString() {
        return "ProxySettings{" + host + ":" + port + ", credentials=" + (username == null ? "<none>" : "<set>")
                + ", nonProxyHosts=" + nonProxyHosts + "}";
    }
}
