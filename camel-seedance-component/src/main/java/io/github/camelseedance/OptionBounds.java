package io.github.camelseedance;

/**
 * The documented bounds of the numeric options, checked when an endpoint starts. Camel turns an option's text into a
 * number before any check sees it (1m becomes 60000, abc becomes 0), so the bounds are what catch such readings.
 */
final class OptionBounds {

    static final int MAX_RETRIES = 10;
    static final int DEFAULT_DOWNLOAD_ATTEMPTS = 5;
    static final int MAX_DOWNLOAD_ATTEMPTS = 20;
    static final int MAX_CONCURRENT_REQUESTS = 10_000;
    static final int MAX_RESPONSE_POOL_SIZE = 1_000;
    /** Under 60000, so that 1m, which Camel reads as 60000, is caught. */
    static final int MAX_PROMPT_LENGTH = 50_000;

    static final String MAX_CONNECT_TIMEOUT = "10m";
    static final String MAX_REQUEST_TIMEOUT = "6h";
    static final String MAX_RETRY_DELAY = "1h";
    static final String MAX_PROGRESS_INTERVAL = "24h";
    static final String MAX_DOWNLOAD_TIMEOUT = "24h";
    static final String MAX_HEALTH_CHECK_INTERVAL = "1h";
    static final long DEFAULT_MAX_VIDEO_SIZE = 4L * 1024 * 1024 * 1024;
    /** 1 TiB, far past any video; the lower bound is what catches a misreading (4GB reads as 0). */
    static final long MAX_VIDEO_SIZE = 1024L * 1024 * 1024 * 1024;

    private OptionBounds() {}

    /** A whole-number option, such as a count or a port. */
    static void wholeNumber(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Invalid " + option + " '" + value + "': allowed values are " + min
                    + " to " + max + ". That is the value as Camel read the option's text (1m becomes 60000"
                    + " milliseconds, and text that is not a number becomes 0): write a plain whole number");
        }
    }

    /** A duration option, held in milliseconds; the lower bound is always 1 ms. */
    static void duration(String option, long millis, String max) {
        long maxMillis = millis(max);
        if (millis < 1 || millis > maxMillis) {
            throw new IllegalArgumentException("Invalid " + option + ": read as " + millis + " ms, allowed are 1 ms to "
                    + max + ": use a form such as 30s or 10m (Camel reads text that is not a duration as 0)");
        }
    }

    private static long millis(String duration) {
        long amount = Long.parseLong(duration.substring(0, duration.length() - 1));
        return switch (duration.charAt(duration.length() - 1)) {
            case 'm' -> amount * 60_000;
            case 'h' -> amount * 3_600_000;
            default -> throw new IllegalStateException("unsupported bound " + duration);
        };
    }
}
