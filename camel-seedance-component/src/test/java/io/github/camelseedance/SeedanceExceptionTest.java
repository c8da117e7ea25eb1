package io.github.camelseedance;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An exception records what happened and never changes after it is thrown. */
class SeedanceExceptionTest {

    @Test
    void everyFieldOfEveryExceptionIsFinal() {
        for (Class<?> type : List.of(
                SeedanceException.class,
                SeedanceApiException.class,
                SeedanceStoppedException.class,
                InvalidVideoRequestException.class)) {
            assertThat(Arrays.stream(type.getDeclaredFields()).filter(f -> !f.isSynthetic()))
                    .as("fields of %s", type.getSimpleName())
                    .allSatisfy(field -> assertThat(Modifier.isFinal(field.getModifiers()))
                            .as(field.getName())
                            .isTrue());
        }
    }

    @Test
    void theRetryOutcomeMakesANewExceptionAndLeavesTheAttemptsOwnAsItWas() {
        SeedanceApiException attempt =
                new SeedanceApiException(503, "busy", "server_error", null, "503", Duration.ofSeconds(2));

        SeedanceApiException last = attempt.afterAttempts(4, "gave up after 4 attempts");

        assertThat(attempt.getMessage())
                .isEqualTo("Seedance API returned HTTP 503 (type=server_error, code=503): busy");
        assertThat(attempt.getAttempts()).isEqualTo(1);
        assertThat(last).isNotSameAs(attempt);
        assertThat(last.getMessage()).isEqualTo(attempt.getMessage() + " (gave up after 4 attempts)");
        assertThat(last.getAttempts()).isEqualTo(4);
        assertThat(last.getStatusCode()).isEqualTo(503);
        assertThat(last.getErrorType()).isEqualTo("server_error");
        assertThat(last.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(last.getStackTrace()).isEqualTo(attempt.getStackTrace());
    }

    @Test
    void theFactsSurviveTheRetryOutcome() {
        SeedanceException notSent = SeedanceException.notSent("refused", new java.net.ConnectException("refused"));
        SeedanceException stopped = new SeedanceStoppedException("stopped", false);

        assertThat(notSent.afterAttempts(2, "gave up after 2 attempts"))
                .satisfies(e -> assertThat(e.isRequestSent()).isFalse())
                .satisfies(e -> assertThat(e.isPermanent()).isFalse())
                .satisfies(e -> assertThat(e.getCause()).isSameAs(notSent.getCause()));
        assertThat(stopped.afterAttempts(2, "x"))
                .isInstanceOf(SeedanceStoppedException.class)
                .satisfies(e -> assertThat(e.isRequestSent()).isFalse());
    }

    @Test
    void camelsHttpResponseAwareSettersAreRefused() {
        SeedanceApiException error = new SeedanceApiException(429, "slow down", null, null, null);

        assertThatThrownBy(() -> error.setHttpResponseCode(200)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> error.setHttpResponseStatus("OK")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(error.getHttpResponseCode()).isEqualTo(429);
        assertThat(error.getHttpResponseStatus()).isEqualTo("429");
    }
}
