package io.github.camelseedance.emulator;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.vertx.core.MultiMap;

/**
 * Drops the headers that concern one connection rather than the exchange (RFC 9110, 7.6.1), and those the
 * {@code Connection} header names, from what a proxy forwards either way. {@code Proxy-Authorization} is one of them,
 * so the proxy's credentials never reach the target.
 */
final class HopByHopHeaders {

    private static final Set<String> NAMES = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private HopByHopHeaders() {}

    /** A copy of {@code headers} without the hop-by-hop ones. */
    static MultiMap endToEnd(MultiMap headers) {
        Set<String> dropped = new HashSet<>(NAMES);
        for (String connection : headers.getAll("Connection")) {
            for (String name : connection.split(",")) {
                dropped.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap kept = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            if (!dropped.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                kept.add(header.getKey(), header.getValue());
            }
        }
        return kept;
    }
}
