package io.github.camelseedance;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a seedance endpoint does; the path of {@code seedance:operation}. */
public enum SeedanceOperation {

    /** Generate a video from a prompt, optionally with frame images or reference materials. */
    generate,
    /** Download a video already generated, from its URL, without generating it again. */
    download;

    public static SeedanceOperation fromValue(String value) {
        for (SeedanceOperation operation : values()) {
            if (operation.name().equals(value)) {
                return operation;
            }
        }
        String allowed = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown operation '" + value + "' in seedance:" + value + ": allowed operations are " + allowed);
    }
}
