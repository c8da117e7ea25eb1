package io.github.camelseedance;

import java.time.Duration;

import io.github.camelseedance.client.RetryPolicy;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(60), false);

    @RepeatedTest(20)
    void backoffDoublesWithJitterInTheUpperHalfAndStopsAtTheCap() {
        assertThat(policy.backoffFor(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(policy.backoffFor(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(policy.backoffFor(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(policy.backoffFor(10)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(policy.backoffFor(64)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
