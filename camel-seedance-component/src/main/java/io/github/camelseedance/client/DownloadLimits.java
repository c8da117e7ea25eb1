package io.github.camelseedance.client;

import java.time.Duration;

/**
 * What bounds one video download beside the requestTimeout's inactivity limit: {@code maxVideoSize} in bytes, across
 * its attempts; {@code downloadTimeout}, from an attempt's request to its last byte, or null for none; and how many
 * {@code attempts} it gets, waiting from {@code retryDelay} doubling up to {@code maxRetryDelay} between them.
 */
public record DownloadLimits(
        long maxVideoSize, Duration downloadTimeout, int attempts, Duration retryDelay, Duration maxRetryDelay) {

    /** The wait before attempt {@code failed + 1}, as generations wait between theirs. */
    Duration backoff(int failed) {
        return RetryPolicy.backoff(retryDelay, maxRetryDelay, failed);
    }
}
