package io.github.camelseedance;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.util.URISupport;

/**
 * The readiness of one {@code seedance:generate} endpoint: the provider's free model list, asked at most once per
 * {@code healthCheckInterval} however often the check is called. DESIGN.md's "Health check" gives the reasons.
 */
final class SeedanceHealthCheck implements HealthCheck {

    static final String GROUP = "camel";
    /** The API's scheme, host and port: never its path, query or user info. */
    static final String API = "seedance.api";
    /** When the answer shown arrived (ISO-8601). */
    static final String CHECKED_AT = "checked.at";
    /** True when the provider answered 429: the API works, and generations wait their turn. */
    static final String RATE_LIMITED = "rate.limited";

    private final String id;
    private final String endpointUri;
    private final String api;
    private final long intervalNanos;
    private final Supplier<CompletableFuture<List<String>>> models;
    /** Longer than the model list's own deadline, which ends every call: only a broken client can reach it. */
    private final Duration longestWait;

    private volatile boolean enabled = true;
    private Outcome last;
    private long lastNanos;
    private CompletableFuture<Outcome> inFlight;

    /**
     * @param models asks for the model list; its future completes within {@code deadline}, failed with a
     *               {@link SeedanceException} when there is no list
     */
    SeedanceHealthCheck(
            String endpointUri,
            String baseUrl,
            Duration interval,
            Duration deadline,
            Supplier<CompletableFuture<List<String>>> models) {
        this.endpointUri = URISupport.sanitizeUri(endpointUri);
        this.id = idOf(this.endpointUri);
        this.api = origin(baseUrl);
        this.intervalNanos = interval.toNanos();
        this.longestWait = deadline.multipliedBy(2);
        this.models = models;
    }

    /** {@code producer:<scheme>-<path and options>} of the sanitized URI, e.g. {@code producer:seedance-generate}. */
    static String idOf(String sanitizedUri) {
        int colon = sanitizedUri.indexOf(':');
        String rest = sanitizedUri.substring(colon + 1);
        return "producer:" + sanitizedUri.substring(0, colon) + "-"
                + (rest.startsWith("//") ? rest.substring(2) : rest);
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        // the provider being unreachable is no reason to restart this process
        return false;
    }

    @Override
    public Map<String, Object> getMetaData() {
        return Map.of(CHECK_ID, id, CHECK_GROUP, GROUP);
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(CHECK_ID, id)
                .detail(CHECK_GROUP, GROUP)
                .detail(CHECK_KIND, Kind.READINESS)
                .detail(ENDPOINT_URI, endpointUri)
                .detail(API, api);
        if (!enabled) {
            return builder.detail(CHECK_ENABLED, false)
                    .message("Disabled")
                    .unknown()
                    .build();
        }
        Outcome outcome = current();
        builder.state(outcome.state()).detail(CHECKED_AT, outcome.checkedAt().toString());
        if (outcome.message() != null) {
            builder.message(outcome.message());
        }
        if (outcome.status() != 0) {
            builder.detail(HTTP_RESPONSE_CODE, outcome.status());
        }
        if (outcome.rateLimited()) {
            builder.detail(RATE_LIMITED, true);
        }
        if (outcome.error() != null) {
            builder.error(outcome.error());
        }
        return builder.build();
    }

    /**
     * The last answer while it is younger than the interval; otherwise the answer of a new request, which every caller
     * arriving meanwhile waits for too, so one request serves them all.
     */
    private Outcome current() {
        CompletableFuture<Outcome> probe;
        synchronized (this) {
            if (last != null && System.nanoTime() - lastNanos < intervalNanos) {
                return last;
            }
            if (inFlight == null) {
                inFlight = ask().handle(SeedanceHealthCheck::outcome);
            }
            probe = inFlight;
        }
        Outcome outcome;
        try {
            outcome = probe.get(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return new Outcome(State.DOWN, "No answer to the model list request: " + e, null, 0, false, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(
                    State.DOWN, "Interrupted while waiting for the model list", null, 0, false, Instant.now());
        }
        synchronized (this) {
            if (inFlight == probe) {
                last = outcome;
                lastNanos = System.nanoTime();
                inFlight = null;
            }
        }
        return outcome;
    }

    private CompletableFuture<List<String>> ask() {
        try {
            return models.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What an answer, or its absence, says about readiness; every text in it comes redacted from the client. */
    private static Outcome outcome(List<String> ids, Throwable failure) {
        Instant now = Instant.now();
        if (failure == null) {
            return new Outcome(State.UP, null, null, 200, false, now);
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SeedanceApiException api) {
            // generations wait for the limit and are retried rather than fail, so this endpoint still works
            if (api.getStatusCode() == 429) {
                return new Outcome(State.UP, "Rate limited: " + api.getMessage(), null, 429, true, now);
            }
            return new Outcome(State.DOWN, api.getMessage(), null, api.getStatusCode(), false, now);
        }
        if (cause instanceof SeedanceException seedance) {
            int status = seedance.getStatusCode();
            return new Outcome(State.DOWN, seedance.getMessage(), seedance, Math.max(status, 0), false, now);
        }
        return new Outcome(State.DOWN, "The model list request failed: " + cause, cause, 0, false, now);
    }

    private static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    @Override
    public String toString() {
        return "SeedanceHealthCheck[" + id + "]";
    }

    /** One answer as the check shows it; status 0 when no HTTP answer came. */
    private record Outcome(
            State state, String message, Throwable error, int status, boolean rateLimited, Instant checkedAt) {}
}
