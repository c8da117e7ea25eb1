package io.github.camelseedance.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request for a video file, kept so tests can check that no credentials were sent to the video host. */
public final class RecordedDownload {

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final int status;

    RecordedDownload(String method, String path, Map<String, List<String>> headers, int status) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.status = status;
    }

    /** GET, or HEAD. */
    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The Authorization header received, or null when none was sent (as it should be). */
    public String authorization() {
        return header("authorization");
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

    /** The HTTP status answered: 200 for a video the emulator issued, 404 otherwise. */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return "RecordedDownload[" + method + " " + path + " -> " + status + ", authorization "
                + (authorization() == null ? "absent" : "present") + "]";
    }
}
