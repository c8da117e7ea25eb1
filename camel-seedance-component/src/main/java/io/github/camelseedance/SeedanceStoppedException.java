package io.github.camelseedance;

/**
 * The endpoint stopped, after graceful shutdown stopped waiting, before the generation's answer came, its retry was
 * sent or its video was downloaded; nothing more is sent for it. No verdict on the request: leave its input for the next
 * run (roll the message back, keep the file); {@link #isRequestSent()} tells whether the provider may still complete,
 * and bill, the generation.
 */
public class SeedanceStoppedException extends SeedanceException {

    public SeedanceStoppedException(String message, boolean requestSent) {
        this(message, requestSent, 1);
    }

    private SeedanceStoppedException(String message, boolean requestSent, int attempts) {
        super(message, null, requestSent, 0, false, attempts);
    }

    @Override
    public SeedanceStoppedException afterAttempts(int attempts, String note) {
        SeedanceStoppedException copy = new SeedanceStoppedException(withNote(note), isRequestSent(), attempts);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
