package io.github.camelseedance.emulator;

import java.util.Objects;

/**
 * One way a request breaks the Seedance contract: the field it concerns and a sentence saying what was sent and what is
 * allowed.
 *
 * @param field   the JSON path ({@code seconds}, {@code frame_images[1].url}) or header name it is about; null when it is
 *                about the request as a whole (for example a body that is not JSON)
 * @param message a sentence naming the field, the value received and what is allowed
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
