package io.github.camelseedance.client;

import java.net.InetAddress;

/**
 * What an IP address reaches, for the download rules: the public internet, or this machine and its networks. An IPv6
 * address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address it carries.
 */
enum AddressKind {
    PUBLIC("a public"),
    LOOPBACK("a loopback"),
    LINK_LOCAL("a link-local"),
    PRIVATE("a private network"),
    MULTICAST("a multicast"),
    UNSPECIFIED("an unspecified"),
    RESERVED("a reserved");

    private final String article;

    AddressKind(String article) {
        this.article = article;
    }

    /** "a loopback address", as a message says it. */
    String describe() {
        return article + " address";
    }

    static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return ofIpv4(bytes);
        }
        byte[] carried = carriedIpv4(bytes);
        return carried != null ? ofIpv4(carried) : ofIpv6(bytes);
    }

    private static AddressKind ofIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return UNSPECIFIED; // 0.0.0.0/8: "this host", which Linux connects to itself
        }
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL; // where cloud metadata services answer
        }
        if (first == 10
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127)) {
            return PRIVATE; // 100.64.0.0/10 is carrier-grade NAT, and some clouds' metadata service
        }
        if (first >= 224 && first <= 239) {
            return MULTICAST;
        }
        if (first >= 240) {
            return RESERVED; // 240.0.0.0/4 and the broadcast address
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] b) {
        if (isZero(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
            return PRIVATE; // fc00::/7, unique local; fec0::/10, the former site-local
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    /** The IPv4 address an IPv6 one stands for, or null: ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:ab:cd::. */
    private static byte[] carriedIpv4(byte[] b) {
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = isZero(b, 0, 12) && !(isZero(b, 12, 15) && (b[15] == 0 || b[15] == 1)); // not :: or ::1
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
