package io.github.camelseedance;

import org.apache.camel.RuntimeCamelException;

/**
 * A generation that did not produce a video: the API could not be reached, did not answer in time, or answered with
 * something that is not a usable result. {@link SeedanceApiException} is the case of an HTTP error from the API.
 */
public class SeedanceException extends RuntimeCamelException {

    public SeedanceException(String message) {
        super(message);
    }

    public SeedanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
