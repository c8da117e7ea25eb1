package io.github.camelseedance.emulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Decides whether a valid generation with no scripted answer gets a fault (with probability {@code rate}) and which
 * (uniformly), from one seeded {@link Random} in arrival order, so a seed reproduces a run. Synchronized, as draws
 * happen on event loops while tests change the settings.
 */
final class FaultInjector {

    private final double configuredRate;
    private final long seed;
    private final List<Fault> kinds;
    private double rate;
    private Random random;

    FaultInjector(double rate, long seed, Set<Fault> kinds) {
        this.configuredRate = checkRate(rate);
        this.seed = seed;
        // in declaration order whatever order they were given in, so a seed means the same faults everywhere
        this.kinds = List.copyOf(EnumSet.copyOf(kinds));
        this.rate = configuredRate;
        this.random = new Random(seed);
    }

    /** The fault for the next generation, or null for none. */
    synchronized Fault draw() {
        // both numbers are drawn whatever the outcome, so the n-th request gets the n-th pair at any rate: changing
        // the rate never shifts the sequence, and a higher rate faults a superset of the requests a lower one does
        double chance = random.nextDouble();
        Fault kind = kinds.get(random.nextInt(kinds.size()));
        return chance < rate ? kind : null;
    }

    synchronized double rate() {
        return rate;
    }

    synchronized void setRate(double rate) {
        this.rate = checkRate(rate);
    }

    long seed() {
        return seed;
    }

    List<Fault> kinds() {
        return kinds;
    }

    /** Back to the configured rate, and the sequence starts again from the seed. */
    synchronized void reset() {
        rate = configuredRate;
        random = new Random(seed);
    }

    static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("faultRate must be between 0 and 1: " + rate);
        }
        return rate;
    }
}
