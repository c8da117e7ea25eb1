package io.github.camelseedance.emulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorResponseTest {

    @Test
    void truncatedStaysTruncatedThroughItsCopies() {
        EmulatorResponse truncated = EmulatorResponse.truncated(200, "application/json", "{\"data\":")
                .withDelay(Duration.ofMillis(5))
                .withHeader("X-Trace", "1");

        assertThat(truncated.isTruncated()).isTrue();
        assertThat(truncated.isDropConnection()).isFalse();
        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.contentType()).isEqualTo("application/json");
        assertThat(truncated.body()).isEqualTo("{\"data\":");
        assertThat(truncated.delay()).isEqualTo(Duration.ofMillis(5));
        assertThat(truncated.headers()).containsEntry("X-Trace", "1");
        assertThat(truncated.toString()).startsWith("EmulatorResponse[truncated 200");
    }

    @Test
    void truncatedWithoutBodySendsAnEmptyOne() {
        assertThat(EmulatorResponse.truncated(502, null, null).body()).isEmpty();
    }

    @Test
    void truncatedRefusesAStatusThatIsNotHttp() {
        assertThatThrownBy(() -> EmulatorResponse.truncated(42, "text/plain", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherAnswersAreNotTruncated() {
        assertThat(EmulatorResponse.raw(502, "text/html", "").isTruncated()).isFalse();
        assertThat(EmulatorResponse.dropConnection()
                        .withDelay(Duration.ofMillis(1))
                        .isDropConnection())
                .isTrue();
        assertThat(EmulatorResponse.dropConnection().isTruncated()).isFalse();
    }
}
