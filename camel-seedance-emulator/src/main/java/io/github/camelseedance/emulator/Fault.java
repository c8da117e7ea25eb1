package io.github.camelseedance.emulator;

/**
 * A fault injected into valid generations, at random or into each first attempt; one per way a client must react
 * differently: turned away at once (not started), failed after the latency (ambiguous), or a video that breaks halfway.
 */
public enum Fault {

    /** HTTP 429 with {@code Retry-After: 1}, at once: the provider turned the request away. */
    RATE_LIMITED(429, false),
    /** HTTP 408, at once: the request was not processed. */
    REQUEST_TIMEOUT(408, false),
    /** HTTP 502 with a gateway's HTML page, at once: the request did not get through. */
    BAD_GATEWAY(502, false),
    /** HTTP 503, at once: the provider is overloaded. */
    SERVICE_UNAVAILABLE(503, false),
    /** HTTP 500 after the latency: the model may have started. Ambiguous. */
    SERVER_ERROR(500, true),
    /** The connection is closed after the latency, without an answer. Ambiguous; recorded with status -1. */
    DROPPED_CONNECTION(-1, true),
    /**
     * HTTP 200 with a video after the latency, as usual (so billed), but the first GET of that video breaks halfway:
     * the full Content-Length is promised and half the bytes are sent. Later GETs of it succeed, as on a CDN.
     */
    BROKEN_DOWNLOAD(200, false);

    private final int status;
    private final boolean ambiguous;

    Fault(int status, boolean ambiguous) {
        this.status = status;
        this.ambiguous = ambiguous;
    }

    /** The HTTP status the generation request is answered with; -1 for {@link #DROPPED_CONNECTION}. */
    public int status() {
        return status;
    }

    /**
     * True when a client cannot know whether the generation was started (and billed by a real provider), so sending
     * it again may pay twice: {@link #SERVER_ERROR} and {@link #DROPPED_CONNECTION}. The emulator itself issues no
     * video for them.
     */
    public boolean ambiguous() {
        return ambiguous;
    }

    /**
     * True when the provider cannot have started the generation, so a client may safely send it again: 408, 429, 502
     * and 503.
     */
    public boolean notStarted() {
        return status >= 400 && !ambiguous;
    }

    /** The scripted answer this fault stands for; null for {@link #BROKEN_DOWNLOAD}, which answers with a video. */
    EmulatorResponse response() {
        return switch (this) {
            case RATE_LIMITED ->
                EmulatorResponse.error(
                                429, "Rate limit reached for requests", "rate_limit_error", null, "rate_limit_exceeded")
                        .withHeader("Retry-After", "1");
            case REQUEST_TIMEOUT ->
                EmulatorResponse.error(
                        408, "The request timed out before it was processed", "timeout_error", null, "request_timeout");
            case BAD_GATEWAY ->
                EmulatorResponse.raw(
                        502,
                        "text/html",
                        "<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>");
            case SERVICE_UNAVAILABLE ->
                EmulatorResponse.error(
                        503,
                        "The engine is currently overloaded, please try" + " again later",
                        "service_unavailable_error",
                        null,
                        "overloaded");
            case SERVER_ERROR ->
                EmulatorResponse.error(
                        500,
                        "The server had an error while processing your request",
                        "server_error",
                        null,
                        "internal_error");
            case DROPPED_CONNECTION -> EmulatorResponse.dropConnection();
            case BROKEN_DOWNLOAD -> null;
        };
    }
}
