package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * The user and password the forward proxy asks for with Basic authentication, or none. It keeps only the expected
 * token, compares it in constant time, and never shows it.
 */
final class ProxyCredentials {

    private static final String BASIC = "basic ";
    private static final ProxyCredentials NONE = new ProxyCredentials(null);

    private final byte[] token;

    private ProxyCredentials(byte[] token) {
        this.token = token;
    }

    static ProxyCredentials none() {
        return NONE;
    }

    static ProxyCredentials basic(String user, String password) {
        String pair = user + ":" + password;
        return new ProxyCredentials(Base64.getEncoder().encode(pair.getBytes(StandardCharsets.UTF_8)));
    }

    boolean required() {
        return token != null;
    }

    /** True when none are required, or the {@code Proxy-Authorization} value (null when absent) carries them. */
    boolean accept(String proxyAuthorization) {
        if (token == null) {
            return true;
        }
        if (proxyAuthorization == null
                || proxyAuthorization.length() < BASIC.length()
                || !proxyAuthorization
                        .substring(0, BASIC.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BASIC)) {
            return false;
        }
        byte[] given = proxyAuthorization.substring(BASIC.length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, token);
    }

    @Override
    public String toString() {
        return token == null ? "no credentials" : "Basic credentials (hidden)";
    }
}
