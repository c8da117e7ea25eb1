package io.github.camelseedance.client;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry policy reads what a failure records (sent or not, the status, whether it would recur), not its type. */
class RetryClassificationTest {

    private static final Exception CAUSE = new java.io.IOException("cause");

    @Test
    void aRequestThatNeverWentOutIsNotStarted() {
        assertThat(RetryPolicy.classify(SeedanceException.notSent("no connection", CAUSE)))
                .isEqualTo(RetryPolicy.Kind.NOT_STARTED);
    }

    @Test
    void aRequestThatMayHaveGoneOutWithoutAnAnswerIsAmbiguous() {
        assertThat(RetryPolicy.classify(SeedanceException.maybeSent("connection lost", CAUSE)))
                .isEqualTo(RetryPolicy.Kind.AMBIGUOUS);
    }

    @Test
    void aFailureThatWouldRecurIsFinalEvenWhenNothingWasSent() {
        assertThat(RetryPolicy.classify(SeedanceException.refusedBeforeSending("untrusted certificate", CAUSE)))
                .isEqualTo(RetryPolicy.Kind.FINAL);
    }

    @Test
    void aFailureAboutWhichNothingIsKnownIsNeverRetried() {
        SeedanceException unknown = new SeedanceException("something else");

        assertThat(unknown.isRequestSent()).isTrue();
        assertThat(RetryPolicy.classify(unknown)).isEqualTo(RetryPolicy.Kind.FINAL);
    }

    @Test
    void theStatusDecidesWhenTheProviderAnswered() {
        assertThat(RetryPolicy.classify(new SeedanceApiException(429, "slow down", null, null, null)))
                .isEqualTo(RetryPolicy.Kind.NOT_STARTED);
        assertThat(RetryPolicy.classify(new SeedanceApiException(504, "gateway timeout", null, null, null)))
                .isEqualTo(RetryPolicy.Kind.AMBIGUOUS);
        assertThat(RetryPolicy.classify(new SeedanceApiException(400, "bad request", null, null, null)))
                .isEqualTo(RetryPolicy.Kind.FINAL);
        // a success without a video was generated and billed: sending it again would pay again
        assertThat(RetryPolicy.classify(SeedanceException.unusableAnswer(200, "no data")))
                .isEqualTo(RetryPolicy.Kind.FINAL);
    }

    @Test
    void theStatusIsReadAsAFactWhateverTheExceptionType() {
        assertThat(RetryPolicy.classify(SeedanceException.unusableAnswer(503, "busy")))
                .isEqualTo(RetryPolicy.Kind.NOT_STARTED);
    }
}
