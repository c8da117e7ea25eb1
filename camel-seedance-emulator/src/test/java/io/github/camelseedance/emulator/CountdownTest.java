package io.github.camelseedance.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountdownTest {

    @Test
    void takesAsManyAsWereAddedThenNoMore() {
        Countdown countdown = new Countdown();
        countdown.add(1);
        countdown.add(1);

        assertThat(countdown.take()).isTrue();
        assertThat(countdown.take()).isTrue();
        assertThat(countdown.take()).isFalse();
        assertThat(countdown.remaining()).isZero();
    }

    @Test
    void addingSaturatesInsteadOfWrapping() {
        Countdown countdown = new Countdown();
        countdown.add(Integer.MAX_VALUE);
        countdown.add(Integer.MAX_VALUE);

        assertThat(countdown.remaining()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void clearForgetsWhatWasPendingAndNegativeCountsAreRejected() {
        Countdown countdown = new Countdown();
        countdown.add(3);

        countdown.clear();

        assertThat(countdown.take()).isFalse();
        assertThatThrownBy(() -> countdown.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
