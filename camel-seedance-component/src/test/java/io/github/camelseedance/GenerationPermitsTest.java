package io.github.camelseedance;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationPermitsTest {

    private final List<String> events = new ArrayList<>();

    private GenerationPermits.Waiting generation(String name) {
        return new GenerationPermits.Waiting() {
            @Override
            public void start() {
                events.add("start " + name);
            }

            @Override
            public void cancel(Exception reason) {
                events.add("cancel " + name);
            }
        };
    }

    @Test
    void startsUpToTheLimitThenHandsPermitsOnInArrivalOrder() {
        GenerationPermits permits = new GenerationPermits(2);
        for (String name : List.of("a", "b", "c", "d")) {
            permits.acquire(generation(name));
        }
        assertThat(events).containsExactly("start a", "start b");

        permits.release();
        permits.release();
        assertThat(events).containsExactly("start a", "start b", "start c", "start d");
    }

    @Test
    void zeroMeansNoLimit() {
        GenerationPermits permits = new GenerationPermits(0);
        for (int i = 0; i < 100; i++) {
            permits.acquire(generation("g" + i));
        }
        assertThat(events).hasSize(100);
    }

    @Test
    void withdrawingHandsBackTheSelectedWaitingOnesOnly() {
        GenerationPermits permits = new GenerationPermits(1);
        GenerationPermits.Waiting a = generation("a");
        GenerationPermits.Waiting b = generation("b");
        GenerationPermits.Waiting other = generation("other");
        permits.acquire(a);
        permits.acquire(b);
        permits.acquire(other);

        permits.withdraw(w -> w == a || w == b).forEach(w -> w.cancel(new IllegalStateException("stopping")));

        assertThat(events).containsExactly("start a", "cancel b");
        permits.release();
        assertThat(events).containsExactly("start a", "cancel b", "start other");
    }

    /** A stopped producer's generation still at the provider keeps its permit: the next one starts only once it ends. */
    @Test
    void aPermitStillHeldIsNotGivenToANewcomer() {
        GenerationPermits permits = new GenerationPermits(1);
        permits.acquire(generation("cut loose"));

        permits.acquire(generation("after the restart"));

        assertThat(events).containsExactly("start cut loose");
        permits.release();
        assertThat(events).containsExactly("start cut loose", "start after the restart");
    }
}
