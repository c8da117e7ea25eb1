package io.github.camelseedance;

import io.github.camelseedance.client.Texts;

/**
 * A request that breaks the Seedance contract, caught before anything is sent. Names the field, where its value came
 * from (option, header or body) and what is allowed. As an {@link IllegalArgumentException} it also stops a route
 * whose endpoint options are invalid from starting. The message is one line: line breaks in a value are escaped.
 */
public class InvalidVideoRequestException extends IllegalArgumentException {

    private final String field;

    public InvalidVideoRequestException(String field, String message) {
        super(Texts.oneLine(message));
        this.field = field;
    }

    /** The request field at fault, by its option name (e.g. {@code seconds}, {@code inputReferences}). */
    public String getField() {
        return field;
    }
}
