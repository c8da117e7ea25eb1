package io.github.camelseedance.client;

import java.time.Duration;

/**
 * What bounds one video download beside the requestTimeout's inactivity limit: {@code maxVideoSize} in bytes, and
 * {@code downloadTimeout}, from the first request to the last byte, or null for none.
 */
public record DownloadLimits(long maxVideoSize, Duration downloadTimeout) {}
