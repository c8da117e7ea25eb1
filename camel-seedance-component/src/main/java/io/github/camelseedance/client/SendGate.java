package io.github.camelseedance.client;

/**
 * Asked just before a generation request's body starts to go out: once the exchange it belongs to has stopped, the gate
 * refuses, the body is never written and the attempt fails as not sent.
 */
@FunctionalInterface
public interface SendGate {

    /** True to write the request now; false to write nothing. */
    boolean admit();
}
