package io.github.camelseedance.emulator;

import java.net.InetAddress;

import io.vertx.core.net.SocketAddress;

/**
 * Where a proxied request goes: the host and port as the client named them, and the loopback address the proxy
 * connects to, null when the target is not on loopback and so is refused.
 */
record ProxyTarget(String host, int port, InetAddress address) {

    static ProxyTarget of(String host, int port) {
        return new ProxyTarget(host, port, LoopbackAddresses.of(host));
    }

    /** From CONNECT's {@code host:port}, an IPv6 host in brackets; IllegalArgumentException when malformed. */
    static ProxyTarget ofAuthority(String authority) {
        int colon = authority.lastIndexOf(':');
        boolean bracketed = authority.startsWith("[");
        boolean wellFormed =
                colon > 0 && (bracketed ? authority.charAt(colon - 1) == ']' : authority.indexOf(':') == colon);
        if (!wellFormed) {
            throw new IllegalArgumentException("Not host:port: " + authority);
        }
        return of(authority.substring(0, colon), port(authority.substring(colon + 1)));
    }

    boolean loopback() {
        return address != null;
    }

    /** {@code host:port} as the client named them, for the records. */
    String authority() {
        return host + ":" + port;
    }

    /** The resolved loopback address: Vert.x then connects without looking anything up. */
    SocketAddress socketAddress() {
        return SocketAddress.inetSocketAddress(port, address.getHostAddress());
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Not a port: " + digits);
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + digits);
        }
        return port;
    }
}
