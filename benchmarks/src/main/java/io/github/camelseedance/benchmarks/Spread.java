package io.github.camelseedance.benchmarks;

import java.util.Collection;
import java.util.List;

/**
 * One figure over the runs: the median, and the lowest and highest. A single run can be off (a neighbour's load, a
 * collection at the wrong moment), so the median is what targets are judged on and the range shows how far to trust it.
 */
record Spread(double median, double min, double max, int runs) {

    static Spread of(Collection<? extends Number> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("No runs to summarise");
        }
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** "2.31 (2.10-2.50)", or just "2.31" for a single run. */
    String format(int decimals) {
        return format(decimals, "");
    }

    /** "0.93x (0.85-1.02)" for the unit "x", or just "0.93x" for a single run. */
    String format(int decimals, String unit) {
        String pattern = "%." + decimals + "f";
        String median = String.format(pattern, this.median) + unit;
        return runs == 1
                ? median
                : median + " (" + String.format(pattern, min) + "-" + String.format(pattern, max) + ")";
    }
}
