package io.github.camelseedance.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count of scripted faults still pending. Adding, taking and clearing are seen over HTTP (NetworkFaultTest); what
 * a client cannot reach is the sum beyond Integer.MAX_VALUE.
 */
class CountdownTest {

    /** Wrapped, the sum of two Integer.MAX_VALUE would be negative and nothing could be taken. */
    @Test
    void addingSaturatesInsteadOfWrapping() {
        Countdown countdown = new Countdown();
        countdown.add(Integer.MAX_VALUE);
        countdown.add(Integer.MAX_VALUE);

        assertThat(countdown.take()).isTrue();
    }
}
