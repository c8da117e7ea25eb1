package io.github.camelseedance.client;

import java.io.IOException;
import java.time.Duration;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failed generations are sent again, and after how long. The policy reads what a failure records (the status,
 * whether the request may have gone out, whether it would recur), never its type.
 */
class RetryPolicyTest {

    private static final Exception CAUSE = new IOException("cause");

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60), false);

    private static SeedanceApiException answered(int status) {
        return new SeedanceApiException(status, "status " + status, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 502, 503})
    void aStatusAfterWhichTheProviderStartedNothingIsRetried(int status) {
        assertThat(policy.decide(answered(status), 1).retry()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 504})
    void anAmbiguousStatusIsNotRetriedByDefaultAndTheReasonNamesTheOption(int status) {
        RetryPolicy.Decision decision = policy.decide(answered(status), 1);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).contains("may already be generating", "retryAmbiguousFailures=true");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404})
    void anyOtherStatusIsFinalAndNeedsNoReason(int status) {
        RetryPolicy.Decision decision = policy.decide(answered(status), 1);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).isNull();
    }

    /** A success without a video was generated and billed: sending it again would pay again. */
    @Test
    void aSuccessThatCouldNotBeReadIsNeverRetried() {
        assertThat(policy.decide(SeedanceException.unusableAnswer(200, "no data"), 1)
                        .retry())
                .isFalse();
    }

    /** Whatever broke after a success's head (a timeout, a lost connection, a cap): billed, so never retried. */
    @Test
    void aSuccessWhoseAnswerBrokeOffIsNeverRetriedEvenWhenAmbiguousFailuresAre() {
        RetryPolicy ambiguous = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60), true);
        SeedanceException failure = SeedanceException.unusableAnswer(200, "the answer broke off", CAUSE);

        assertThat(ambiguous.decide(failure, 1).retry()).isFalse();
        assertThat(failure.getMessage()).contains("probably generated and billed");
    }

    @Test
    void theStatusIsReadAsAFactWhateverTheExceptionType() {
        assertThat(policy.decide(SeedanceException.unusableAnswer(503, "busy"), 1)
                        .retry())
                .isTrue();
    }

    @Test
    void aRequestThatNeverWentOutIsRetried() {
        assertThat(policy.decide(SeedanceException.notSent("no connection", CAUSE), 1)
                        .retry())
                .isTrue();
    }

    @Test
    void aRequestThatMayHaveGoneOutWithoutAnAnswerIsNotRetriedByDefault() {
        assertThat(policy.decide(SeedanceException.maybeSent("connection lost", CAUSE), 1)
                        .retry())
                .isFalse();
    }

    @Test
    void ambiguousFailuresAreRetriedWhenTheUserAcceptsPayingTwice() {
        RetryPolicy accepting = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60), true);

        assertThat(accepting.decide(answered(500), 1).retry()).isTrue();
        assertThat(accepting
                        .decide(SeedanceException.maybeSent("connection lost", CAUSE), 1)
                        .retry())
                .isTrue();
    }

    @Test
    void aFailureThatWouldRecurIsFinalEvenWhenNothingWasSent() {
        assertThat(policy.decide(SeedanceException.refusedBeforeSending("untrusted certificate", CAUSE), 1)
                        .retry())
                .isFalse();
    }

    @Test
    void aFailureAboutWhichNothingIsKnownIsNeverRetried() {
        SeedanceException unknown = new SeedanceException("something else");

        assertThat(unknown.isRequestSent()).isTrue();
        assertThat(policy.decide(unknown, 1).retry()).isFalse();
    }

    @Test
    void retriesUpToMaxRetriesThenGivesUpSayingHowManyAttemptsWereMade() {
        SeedanceException notSent = SeedanceException.notSent("no connection", CAUSE);

        assertThat(policy.decide(notSent, 3).retry()).isTrue();
        RetryPolicy.Decision last = policy.decide(notSent, 4);
        assertThat(last.retry()).isFalse();
        assertThat(last.reason()).isEqualTo("gave up after 4 attempts");
    }

    @Test
    void withMaxRetriesZeroTheFirstFailureIsTheLast() {
        RetryPolicy never = new RetryPolicy(0, Duration.ofSeconds(2), Duration.ofSeconds(60), false);

        RetryPolicy.Decision decision = never.decide(answered(503), 1);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).isEqualTo("gave up after 1 attempt");
    }

    @Test
    void aRetryAfterIsWaitedInsteadOfTheBackoff() {
        SeedanceApiException limited =
                new SeedanceApiException(429, "slow down", null, null, null, Duration.ofSeconds(7));

        assertThat(policy.decide(limited, 1).delay()).isEqualTo(Duration.ofSeconds(7));
    }

    @RepeatedTest(20)
    void backoffDoublesWithJitterInTheUpperHalfAndStopsAtTheCap() {
        RetryPolicy patient = new RetryPolicy(100, Duration.ofSeconds(2), Duration.ofSeconds(60), false);
        SeedanceException notSent = SeedanceException.notSent("no connection", CAUSE);

        assertThat(patient.decide(notSent, 1).delay()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(patient.decide(notSent, 2).delay()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(patient.decide(notSent, 3).delay()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(patient.decide(notSent, 10).delay()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(patient.decide(notSent, 64).delay()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
