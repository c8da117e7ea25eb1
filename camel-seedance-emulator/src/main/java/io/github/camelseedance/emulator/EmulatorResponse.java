package io.github.camelseedance.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A scripted answer for the next valid generation request ({@link SeedanceEmulator#enqueue}) or model list request
 * ({@link SeedanceEmulator#enqueueModels}): an error, any JSON, any body, a dropped connection, or a body cut short,
 * optionally after a delay. Immutable; the {@code with...} methods
 * return copies.
 */
public final class EmulatorResponse {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final String contentType;
    private final String body;
    private final Kind kind;
    private final Duration delay;
    private final Map<String, String> headers;

    private EmulatorResponse(
            int status, String contentType, String body, Kind kind, Duration delay, Map<String, String> headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.kind = kind;
        this.delay = delay;
        this.headers = Map.copyOf(headers);
    }

    /**
     * An error in the provider's documented shape {@code {"error":{"message","type","param","code"}}}.
     *
     * @param code a number or a string, as the provider sends either; may be null
     */
    public static EmulatorResponse error(int status, String message, String type, String param, Object code) {
        return json(status, errorBody(message, type, param, code));
    }

    /** A JSON answer with the body sent exactly as given (it is not checked, so malformed JSON can be scripted). */
    public static EmulatorResponse json(int status, String body) {
        return raw(status, "application/json", body);
    }

    /** Any answer: an HTML gateway page, plain text, an empty body. */
    public static EmulatorResponse raw(int status, String contentType, String body) {
        checkStatus(status);
        return new EmulatorResponse(
                status, contentType, body == null ? "" : body, Kind.ANSWER, Duration.ZERO, Map.of());
    }

    /**
     * Sends the status and headers with a Content-Length 100 bytes beyond the body, writes the body, then closes the
     * connection: the client reads a body cut short, as when a proxy or the provider dies mid-answer. The request is
     * recorded with this status, since the headers went out.
     */
    public static EmulatorResponse truncated(int status, String contentType, String body) {
        checkStatus(status);
        return new EmulatorResponse(
                status, contentType, body == null ? "" : body, Kind.TRUNCATED, Duration.ZERO, Map.of());
    }

    /** Closes the TCP connection after the request arrived, without answering: the client sees the connection end. */
    public static EmulatorResponse dropConnection() {
        return new EmulatorResponse(-1, null, "", Kind.DROP_CONNECTION, Duration.ZERO, Map.of());
    }

    /** A copy answered only after this delay (a timer, so a delayed answer holds no thread). */
    public EmulatorResponse withDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new EmulatorResponse(status, contentType, body, kind, delay, headers);
    }

    /** A copy with one more response header, for example {@code Retry-After} on a 429. */
    public EmulatorResponse withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new EmulatorResponse(status, contentType, body, kind, delay, more);
    }

    /** The HTTP status, or -1 for {@link #dropConnection()}. */
    public int status() {
        return status;
    }

    /** The Content-Type sent, or null for none. */
    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }

    public boolean isDropConnection() {
        return kind == Kind.DROP_CONNECTION;
    }

    /** True for {@link #truncated}: the body is sent short of its Content-Length and the connection closed. */
    public boolean isTruncated() {
        return kind == Kind.TRUNCATED;
    }

    public Duration delay() {
        return delay;
    }

    /** Extra response headers, by name as given. */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DROP_CONNECTION -> "EmulatorResponse[dropConnection, delay=" + delay + "]";
            case TRUNCATED ->
                "EmulatorResponse[truncated " + status + " " + contentType + ", delay=" + delay + ", body=" + body
                        + "]";
            case ANSWER ->
                "EmulatorResponse[" + status + " " + contentType + ", delay=" + delay + ", body=" + body + "]";
        };
    }

    static String errorBody(String message, String type, String param, Object code) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.set("code", MAPPER.valueToTree(code));
        return root.toString();
    }

    // how the answer leaves: whole, not at all, or cut short
    private enum Kind {
        ANSWER,
        DROP_CONNECTION,
        TRUNCATED
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status must be a three-digit code: " + status);
        }
    }
}
