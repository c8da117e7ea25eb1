package io.github.camelseedance.examples.jmsqueue;

/** A request message without a usable request id; it goes to the dead-letter queue and nothing is recorded for it. */
public class InvalidEnvelopeException extends IllegalArgumentException {

    public InvalidEnvelopeException(String message) {
        super(message);
    }
}
