package io.github.camelseedance.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a host named by a proxy client is a loopback address (127.0.0.0/8 or ::1) without ever asking DNS: IP
 * literals are parsed, {@code localhost} is resolved (from the hosts file), and any other name is not loopback as it
 * stands. The forward proxy connects nowhere else, so a test cannot reach the network through it by mistake.
 */
final class LoopbackAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LoopbackAddresses() {}

    /** The loopback address {@code host} stands for (IPv6 in brackets or not), or null when it stands for none. */
    static InetAddress of(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress address = literalOrLocalhost(bare);
        return address != null && address.isLoopbackAddress() ? address : null;
    }

    private static InetAddress literalOrLocalhost(String host) {
        try {
            if (host.equalsIgnoreCase("localhost")) {
                return InetAddress.getByName("localhost");
            }
            Matcher ipv4 = IPV4.matcher(host);
            if (ipv4.matches()) {
                // parsed here: the JDK would look up a dotted name it cannot parse, such as 300.0.0.1, in DNS
                byte[] octets = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    octets[i] = (byte) octet;
                }
                return InetAddress.getByAddress(octets);
            }
            if (host.indexOf(':') >= 0) {
                // in brackets the JDK takes it as an IPv6 literal or fails; it never falls back to a DNS lookup
                return InetAddress.getByName("[" + host + "]");
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
