package io.github.camelseedance;

/**
 * The endpoint stopped before the generation's answer came, its retry was sent or its video arrived; nothing more is
 * sent for it. Leave its input for the next run; {@link #isRequestSent()} tells whether the provider may still bill it.
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
