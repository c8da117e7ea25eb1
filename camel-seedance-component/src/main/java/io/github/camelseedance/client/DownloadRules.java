package io.github.camelseedance.client;

import java.net.URI;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Where video downloads may connect: public addresses, the API's origin, {@code videoHostsAllowed} and, if allowed,
 * private networks; names are looked up with {@code dnsResolver}. Part of a client's settings, so a pooled connection
 * is only reused under the rules it was opened under.
 */
public record DownloadRules(
        String originHost,
        int originPort,
        String videoHostsAllowed,
        boolean allowPrivateAddresses,
        DnsResolver dnsResolver) {

    /** The rules for an endpoint whose API is at {@code baseUrl}, an absolute http(s) URL. */
    public static DownloadRules of(
            String baseUrl, String videoHostsAllowed, boolean allowPrivateAddresses, DnsResolver dnsResolver) {
        URI origin = URI.create(baseUrl);
        int port = origin.getPort() >= 0 ? origin.getPort() : "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        return new DownloadRules(
                HostPatterns.bare(origin.getHost()), port, videoHostsAllowed, allowPrivateAddresses, dnsResolver);
    }

    /** Whether a connection to {@code host} and {@code port} is to the API itself, which is always allowed. */
    boolean isOrigin(String host, int port) {
        return port == originPort && HostPatterns.bare(host).equals(originHost);
    }

    /** Whether {@code host} is named by videoHostsAllowed, so any address it resolves to is allowed. */
    boolean isAllowedHost(String host) {
        return HostPatterns.matches(videoHostsAllowed, host);
    }

    /** Whether an address of this kind may be connected to by a host the rules do not name. */
    boolean allows(AddressKind kind) {
        return kind == AddressKind.PUBLIC || (kind == AddressKind.PRIVATE && allowPrivateAddresses);
    }

    /**
     * An entry of videoHostsAllowed that cannot name a host (a URL, a path, a port), or null when every entry can:
     * such an entry would silently match nothing.
     */
    public static String invalidHostPattern(String videoHostsAllowed) {
        for (String pattern : HostPatterns.list(videoHostsAllowed)) {
            boolean port = pattern.indexOf(':') >= 0 && pattern.indexOf(':') == pattern.lastIndexOf(':');
            if (pattern.contains("/") || pattern.contains("@") || port) {
                return pattern;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "DownloadRules{origin=" + originHost + ":" + originPort + ", videoHostsAllowed=" + videoHostsAllowed
                + ", allowPrivateAddresses=" + allowPrivateAddresses + ", dnsResolver="
                + (dnsResolver == null ? "JVM default" : dnsResolver.getClass().getName()) + "}";
    }
}
