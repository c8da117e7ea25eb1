package io.github.camelseedance;

/**
 * The endpoint stopped before the generation's answer arrived, after Camel's graceful shutdown stopped waiting. Not a
 * verdict on the request: a route should leave its input for the next run (a transacted queue message is rolled back,
 * a file stays where it is) rather than treat it as failed. {@link #isRequestSent()} tells whether the provider may
 * still complete, and bill, the generation.
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
