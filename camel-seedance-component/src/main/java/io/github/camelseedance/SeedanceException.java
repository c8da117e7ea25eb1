package io.github.camelseedance;

import io.github.camelseedance.client.Texts;
import org.apache.camel.RuntimeCamelException;

/**
 * A generation that produced no video: the API was unreachable, too slow, or gave no usable answer
 * ({@link SeedanceApiException} for an HTTP error). Immutable: it records the facts the retry policy decides on
 * (whether the request may have reached the provider, the status, whether a retry would fail alike, the attempts).
 */
public class SeedanceException extends RuntimeCamelException {

    private final boolean requestSent;
    private final int statusCode;
    private final boolean permanent;
    private final int attempts;

    /** A failure about which nothing more is known: taken as possibly sent and not worth retrying. */
    public SeedanceException(String message) {
        this(message, null, true, 0, true, 1);
    }

    /** A failure about which nothing more is known: taken as possibly sent and not worth retrying. */
    public SeedanceException(String message, Throwable cause) {
        this(message, cause, true, 0, true, 1);
    }

    /**
     * @param requestSent whether the request may have reached the provider; false only when it certainly did not
     * @param statusCode  the HTTP status of the answer, or 0 when there was none
     * @param permanent   whether sending the same request again would fail the same way, whatever the wait
     * @param attempts    how many times the generation was sent, or tried to be
     */
    protected SeedanceException(
            String message, Throwable cause, boolean requestSent, int statusCode, boolean permanent, int attempts) {
        // the message quotes the provider's error text and the request's values, and Camel logs it: one line
        super(Texts.oneLine(message), cause);
        this.requestSent = requestSent;
        this.statusCode = statusCode;
        this.permanent = permanent;
        this.attempts = attempts;
    }

    /** Nothing reached the provider (no connection, or the connection closed before the request went out). */
    public static SeedanceException notSent(String message, Throwable cause) {
        return new SeedanceException(message, cause, false, 0, false, 1);
    }

    /** The request may have reached the provider, and no answer came back. */
    public static SeedanceException maybeSent(String message, Throwable cause) {
        return new SeedanceException(message, cause, true, 0, false, 1);
    }

    /** A cause on this side that a retry cannot change (an untrusted certificate, for one); nothing was sent. */
    public static SeedanceException refusedBeforeSending(String message, Throwable cause) {
        return new SeedanceException(message, cause, false, 0, true, 1);
    }

    /** The provider answered with {@code statusCode}, but not with anything usable; sending again would pay again. */
    public static SeedanceException unusableAnswer(int statusCode, String message) {
        return unusableAnswer(statusCode, message, null);
    }

    /**
     * The provider answered with {@code statusCode}, but not with anything usable; sending again would pay again. For a
     * success, the message ends by saying that the video was probably billed.
     */
    public static SeedanceException unusableAnswer(int statusCode, String message, Throwable cause) {
        String said = statusCode >= 200 && statusCode < 300
                ? message + ". The provider has probably generated and billed this video: it is not sent again, which"
                        + " would pay for it twice"
                : message;
        return new SeedanceException(said, cause, true, statusCode, true, 1);
    }

    /**
     * The same failure after {@code attempts} attempts, its message ending with why no more were made. A new
     * exception, of the same type: this one stays as it was.
     */
    public SeedanceException afterAttempts(int attempts, String note) {
        SeedanceException copy =
                new SeedanceException(withNote(note), getCause(), requestSent, statusCode, permanent, attempts);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** This exception's message with {@code note} appended in parentheses, or as it is when there is no note. */
    protected final String withNote(String note) {
        return note == null || note.isEmpty() ? getMessage() : getMessage() + " (" + note + ")";
    }

    /** Whether the request may have reached the provider; false only when the component knows it did not. */
    public boolean isRequestSent() {
        return requestSent;
    }

    /** The HTTP status the provider (or a proxy on the way) answered with; 0 when no answer came. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Whether sending the same request again would fail the same way, whatever the wait. */
    public boolean isPermanent() {
        return permanent;
    }

    /** How many times the generation was sent (or tried to be) before this failure was final. */
    public int getAttempts() {
        return attempts;
    }
}
