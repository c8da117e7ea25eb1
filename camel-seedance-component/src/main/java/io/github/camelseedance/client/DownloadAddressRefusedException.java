package io.github.camelseedance.client;

import java.net.UnknownHostException;

/**
 * A connection the download rules do not allow. An {@link UnknownHostException} because that is what a DNS resolver
 * may throw, and what the HTTP client passes on unchanged to the exchange's callback.
 */
final class DownloadAddressRefusedException extends UnknownHostException {

    DownloadAddressRefusedException(String message) {
        super(message);
    }
}
