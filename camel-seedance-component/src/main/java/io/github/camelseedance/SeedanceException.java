package io.github.camelseedance;

import org.apache.camel.RuntimeCamelException;

/**
 * A generation that did not produce a video: the API could not be reached, did not answer in time, or answered with
 * something that is not a usable result. {@link SeedanceApiException} is the case of an HTTP error from the API.
 */
public class SeedanceException extends RuntimeCamelException {

    private int attempts = 1;
    private String retryNote;

    public SeedanceException(String message) {
        super(message);
    }

    public SeedanceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How many times the generation was sent (or tried to be) before this failure was final. */
    public int getAttempts() {
        return attempts;
    }

    /** Records how the retries ended, so the message says it; set once, by the retry logic. */
    public void setRetryOutcome(int attempts, String note) {
        this.attempts = attempts;
        this.retryNote = note;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        if (retryNote == null) {
            return message;
        }
        return message + " (" + retryNote + ")";
    }
}
