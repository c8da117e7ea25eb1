package io.github.camelseedance.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a host named by a proxy client or an image URL is a loopback address (127.0.0.0/8 or ::1) without ever
 * asking DNS: IP literals are parsed, and any other name but {@code localhost} is not loopback as it stands. The
 * forward proxy and the image fetcher connect nowhere else, so a test cannot reach the network through them by mistake.
 */
final class LoopbackAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LoopbackAddresses() {}

    /**
     * The loopback address {@code host} stands for (IPv6 in brackets or not), or null when it stands for none;
     * {@code localhost} is resolved from the hosts file.
     */
    static InetAddress of(String host) {
        String bare = bare(host);
        InetAddress address = bare.equalsIgnoreCase("localhost") ? localhostFromHostsFile() : literal(bare);
        return address != null && address.isLoopbackAddress() ? address : null;
    }

    /**
     * Like {@link #of} but with no lookup at all, not even in the hosts file: {@code localhost} stands for
     * {@code 127.0.0.1}, and only IP literals in 127.0.0.0/8 or {@code ::1} are loopback.
     */
    static InetAddress withoutLookup(String host) {
        String bare = bare(host);
        try {
            InetAddress address = bare.equalsIgnoreCase("localhost")
                    ? InetAddress.getByAddress(bare, new byte[] {127, 0, 0, 1})
                    : literal(bare);
            return address != null && address.isLoopbackAddress() ? address : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static InetAddress localhostFromHostsFile() {
        try {
            return InetAddress.getByName("localhost");
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress literal(String host) {
        try {
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
