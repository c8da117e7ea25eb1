package io.github.camelseedance.client;

/** What the retrying client reports about the generations it runs, for the endpoint's statistics. */
public interface GenerationEvents {

    /** Reports nothing. */
    GenerationEvents NONE = new GenerationEvents() {};

    /** A failed attempt is to be sent again after a wait. */
    default void retryScheduled() {}

    /** A video was made, and billed, after its exchange had been failed by a stop. */
    default void lateBilledAnswer() {}
}
