package io.github.camelseedance;

/**
 * The endpoint stopped before the generation's answer arrived, after Camel's graceful shutdown stopped waiting. Not a
 * verdict on the request: a route should leave its input for the next run (a transacted queue message is rolled back,
 * a file stays where it is) rather than treat it as failed.
 */
public class SeedanceStoppedException extends SeedanceException {

    public SeedanceStoppedException(String message) {
        super(message);
    }
}
