package io.github.camelseedance.emulator;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault kinds, classified as the provider's contract classifies them for retrying. */
class FaultTest {

    @Test
    void faultKindsAreClassifiedForRetrying() {
        assertThat(EnumSet.allOf(Fault.class))
                .filteredOn(Fault::notStarted)
                .extracting(Fault::status)
                .containsExactlyInAnyOrder(429, 408, 502, 503);
        assertThat(EnumSet.allOf(Fault.class))
                .filteredOn(Fault::ambiguous)
                .containsExactlyInAnyOrder(Fault.SERVER_ERROR, Fault.DROPPED_CONNECTION);
    }
}
