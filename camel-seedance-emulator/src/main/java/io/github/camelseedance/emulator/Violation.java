package io.github.camelseedance.emulator;

import java.util.Objects;

/**
 * One way a request breaks the Seedance contract: {@code field}, the JSON path ({@code frame_images[1].url}) or header
 * it concerns, null for the request as a whole (a body that is not JSON); {@code message}, a sentence naming the
 * field, the value received and what is allowed.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
