package io.github.camelseedance.emulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The random fault sequence on its own: reproducible for a seed, at the rate asked for, uniform over the kinds. */
class FaultInjectorTest {

    private static final Set<Fault> ALL = EnumSet.allOf(Fault.class);

    @Test
    void aFixedSeedGivesExactlyTheSameFaultsEveryTime() {
        Map<Fault, Integer> counts = counts(new FaultInjector(0.05, 42, ALL), 1000);

        // recorded once: a change here means a seed no longer replays an earlier run (soak results cite seeds)
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Fault.RATE_LIMITED,
                        12,
                        Fault.REQUEST_TIMEOUT,
                        6,
                        Fault.BAD_GATEWAY,
                        13,
                        Fault.SERVICE_UNAVAILABLE,
                        2,
                        Fault.SERVER_ERROR,
                        6,
                        Fault.DROPPED_CONNECTION,
                        5,
                        Fault.BROKEN_DOWNLOAD,
                        3));
        assertThat(draws(new FaultInjector(0.05, 42, ALL), 1000))
                .isEqualTo(draws(new FaultInjector(0.05, 42, ALL), 1000));
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        assertThat(draws(new FaultInjector(0.5, 1, ALL), 100)).isNotEqualTo(draws(new FaultInjector(0.5, 2, ALL), 100));
    }

    @Test
    void aboutTheRateAskedForWhateverTheSeed() {
        for (long seed = 1; seed <= 50; seed++) {
            int faults = counts(new FaultInjector(0.05, seed, ALL), 1000).values().stream()
                    .mapToInt(i -> i)
                    .sum();
            // binomial(1000, 0.05): mean 50, standard deviation about 7; this range is over 4 deviations wide each side
            assertThat(faults).as("faults in 1,000 draws at 5%%, seed %d", seed).isBetween(20, 85);
        }
    }

    @Test
    void kindsAreDrawnUniformly() {
        Map<Fault, Integer> counts = counts(new FaultInjector(1, 7, ALL), 7000);

        // 1,000 expected each, standard deviation about 29
        assertThat(counts).hasSize(Fault.values().length);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }

    @Test
    void rateZeroNeverFaultsAndRateOneAlwaysDoes() {
        assertThat(draws(new FaultInjector(0, 3, ALL), 500)).containsOnlyNulls();
        assertThat(draws(new FaultInjector(1, 3, ALL), 500)).doesNotContainNull();
    }

    @Test
    void onlyTheChosenKindsAreDrawn() {
        assertThat(draws(new FaultInjector(1, 3, EnumSet.of(Fault.SERVER_ERROR, Fault.RATE_LIMITED)), 200))
                .containsOnly(Fault.SERVER_ERROR, Fault.RATE_LIMITED);
    }

    @Test
    void changingTheRateDoesNotShiftTheSequence() {
        FaultInjector changed = new FaultInjector(1, 11, ALL);
        FaultInjector steady = new FaultInjector(1, 11, ALL);
        changed.setRate(0);
        changed.draw();
        changed.setRate(1);
        steady.draw();

        assertThat(draws(changed, 50)).isEqualTo(draws(steady, 50));
    }

    @Test
    void aHigherRateFaultsASupersetOfTheSameRequestsWithTheSameKinds() {
        List<Fault> low = draws(new FaultInjector(0.05, 42, ALL), 1000);
        List<Fault> high = draws(new FaultInjector(0.2, 42, ALL), 1000);

        for (int i = 0; i < low.size(); i++) {
            if (low.get(i) != null) {
                assertThat(high.get(i)).as("request %d", i).isEqualTo(low.get(i));
            }
        }
        assertThat(high.stream().filter(f -> f != null).count())
                .isGreaterThan(low.stream().filter(f -> f != null).count());
    }

    private static List<Fault> draws(FaultInjector injector, int count) {
        List<Fault> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(injector.draw());
        }
        return drawn;
    }

    private static Map<Fault, Integer> counts(FaultInjector injector, int count) {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        draws(injector, count).stream().filter(f -> f != null).forEach(f -> counts.merge(f, 1, Integer::sum));
        return counts;
    }
}
