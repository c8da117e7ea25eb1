package io.github.camelseedance.client;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header that carries a credential. HttpClient writes each request header to its {@code headers} logger at DEBUG
 * through the header's {@code toString()}; this one shows its name only, and is marked sensitive so that the client
 * never carries it along a redirect to another host.
 */
final class SecretHeader extends BasicHeader {

    SecretHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": [hidden]";
    }
}
