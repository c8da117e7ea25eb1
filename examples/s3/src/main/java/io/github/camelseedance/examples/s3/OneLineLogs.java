package io.github.camelseedance.examples.s3;

import io.github.camelseedance.client.Texts;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.LogListener;

/**
 * Escapes line breaks in every line the routes log: the values written into them (names, keys, answers) come from
 * outside, and one holding a line break would otherwise write a line of its own.
 */
public final class OneLineLogs implements LogListener {

    @Override
    public String onLog(Exchange exchange, CamelLogger camelLogger, String message) {
        return Texts.oneLine(message);
    }
}
