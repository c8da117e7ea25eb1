package io.github.camelseedance.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting on its own: in flight, the most at once, an end reported twice. Which requests count, and when, is
 * GenerationsInFlightTest's.
 */
class ConcurrencyGaugeTest {

    @Test
    void countsInFlightAndTheMostAtOnce() {
        ConcurrencyGauge gauge = new ConcurrencyGauge();

        Runnable first = gauge.enter();
        Runnable second = gauge.enter();
        first.run();
        Runnable third = gauge.enter();

        assertThat(gauge.inFlight()).isEqualTo(2);
        assertThat(gauge.max()).isEqualTo(2);
        second.run();
        third.run();
        assertThat(gauge.inFlight()).isZero();
        assertThat(gauge.max()).isEqualTo(2);
    }

    @Test
    void anEndReportedTwiceCountsOnce() {
        ConcurrencyGauge gauge = new ConcurrencyGauge();
        Runnable leave = gauge.enter();
        gauge.enter();

        leave.run();
        leave.run();

        assertThat(gauge.inFlight()).isEqualTo(1);
    }

    @Test
    void resetMaxLeavesInFlightCounted() {
        ConcurrencyGauge gauge = new ConcurrencyGauge();
        Runnable leave = gauge.enter();

        gauge.resetMax();

        assertThat(gauge.max()).isZero();
        assertThat(gauge.inFlight()).isEqualTo(1);
        leave.run();
        assertThat(gauge.inFlight()).isZero();
    }
}
