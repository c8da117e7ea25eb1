package io.github.camelseedance.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by its wire value, with an error that lists the allowed values. */
final class WireValues {

    private WireValues() {}

    static <E extends Enum<E>> E fromValue(
            Class<E> type, E[] constants, Function<E, String> wireValue, String what, String value) {
        for (E constant : constants) {
            if (wireValue.apply(constant).equals(value)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(constants).map(wireValue).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown " + what + " '" + value + "': allowed values are " + allowed);
    }
}
