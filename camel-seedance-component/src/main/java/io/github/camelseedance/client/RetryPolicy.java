package io.github.camelseedance.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;

/**
 * Which failed generations are sent again, and when: {@code maxRetries} after the first attempt (0: none), waits from
 * {@code retryDelay} doubling up to {@code maxRetryDelay} (also the longest Retry-After honoured), and ambiguous
 * failures, which may pay twice, only with {@code retryAmbiguous}; DESIGN.md's "Retries decide on facts" says why.
 */
public record RetryPolicy(int maxRetries, Duration retryDelay, Duration maxRetryDelay, boolean retryAmbiguous) {

    /** How a failure relates to billing. */
    private enum Kind {
        /** The provider did not start the generation: 408, 429, 502, 503, or the request never went out. */
        NOT_STARTED,
        /** The request may have reached the model: no answer after sending it, 500 or 504. */
        AMBIGUOUS,
        /** Retrying cannot help: a rejected request, a success that could not be read, an untrusted certificate. */
        FINAL
    }

    /** What to do after a failed attempt: wait this long and try again, or stop and say why. */
    record Decision(Duration delay, String reason) {

        static Decision retryAfter(Duration delay) {
            return new Decision(delay, null);
        }

        static Decision stop(String reason) {
            return new Decision(null, reason);
        }

        boolean retry() {
            return delay != null;
        }
    }

    /**
     * Reads the facts the failure records: the answer's status when there was one, else whether the failure would
     * recur, else whether the request may have gone out.
     */
    private static Kind classify(SeedanceException failure) {
        int status = failure.getStatusCode();
        if (status != 0) {
            return switch (status) {
                case 408, 429, 502, 503 -> Kind.NOT_STARTED;
                case 500, 504 -> Kind.AMBIGUOUS;
                default -> Kind.FINAL;
            };
        }
        if (failure.isPermanent()) {
            return Kind.FINAL;
        }
        return failure.isRequestSent() ? Kind.AMBIGUOUS : Kind.NOT_STARTED;
    }

    /** Whether the provider may have started the generation on the attempt that failed with {@code failure}. */
    static boolean mayHaveStarted(SeedanceException failure) {
        return classify(failure) == Kind.AMBIGUOUS;
    }

    /** Decides after attempt number {@code attempt} (1 for the first) failed with {@code failure}. */
    Decision decide(SeedanceException failure, int attempt) {
        Kind kind = classify(failure);
        if (kind == Kind.FINAL) {
            return Decision.stop(attempt == 1 ? null : "after " + attempt + " attempts");
        }
        if (kind == Kind.AMBIGUOUS && !retryAmbiguous) {
            return Decision.stop((attempt == 1 ? "" : "after " + attempt + " attempts; ")
                    + "not retried, since the provider may already be generating and billing the video;"
                    + " retryAmbiguousFailures=true would retry it");
        }
        if (attempt > maxRetries) {
            return Decision.stop("gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
        }
        Duration asked = failure instanceof SeedanceApiException api ? api.getRetryAfter() : null;
        if (asked != null) {
            if (asked.compareTo(maxRetryDelay) > 0) {
                return Decision.stop("after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                        + "; the provider asked to retry after " + asked.toSeconds()
                        + "s, longer than maxRetryDelay " + maxRetryDelay.toSeconds() + "s, so not waiting");
            }
            return Decision.retryAfter(asked);
        }
        return Decision.retryAfter(backoff(retryDelay, maxRetryDelay, attempt));
    }

    /**
     * The wait after attempt {@code attempt} failed: exponential, with the upper half jittered so that many clients
     * failing together do not retry together.
     */
    static Duration backoff(Duration retryDelay, Duration maxRetryDelay, int attempt) {
        long base = retryDelay.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(base, 0), maxRetryDelay.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
