package io.github.camelseedance.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One API request as the emulator received it (a generation, or a GET of the model list), with the contract violations
 * found in it, the status it was answered with and the fault it got, if any. The status is set when the answer goes out, so it is 0 while a
 * delayed answer is still pending.
 */
public final class RecordedRequest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final String body;
    private final List<String> violations;
    private volatile int status;
    private volatile Fault fault;

    RecordedRequest(
            String method, String path, Map<String, List<String>> headers, String body, List<String> violations) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.violations = List.copyOf(violations);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** All headers by lower-case name, values in arrival order. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, looked up case-insensitively; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String body() {
        return body;
    }

    /** The body as a JSON tree, or null when it is not parseable JSON. */
    public JsonNode json() {
        try {
            return body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** Every contract violation found in this request; empty when it followed the contract. */
    public List<String> violations() {
        return violations;
    }

    /** The HTTP status answered; -1 when no answer was delivered (dropped connection, or the client left); 0 while pending. */
    public int status() {
        return status;
    }

    void answered(int status) {
        this.status = status;
    }

    /**
     * The fault injected into this request, at random ({@link SeedanceEmulator.Builder#faultRate}) or as the first
     * attempt of its body ({@link SeedanceEmulator.Builder#firstAttemptFault}), or null when it got none: it was
     * answered normally, as scripted, or with 400 or 401. Set before the answer goes out. A request with status 200 was
     * answered with a video, the one outcome a provider bills for sure.
     */
    public Fault fault() {
        return fault;
    }

    void injected(Fault fault) {
        this.fault = fault;
    }

    // the Authorization value stays out on purpose: test reports and logs print this
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + " -> " + status + (fault == null ? "" : " (" + fault + ")")
                + ", violations=" + violations
                + ", body=" + body + "]";
    }
}
