package io.github.camelseedance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code seedance} dev console: each seedance endpoint, its URI sanitized, with the counters its JMX attributes
 * show. Found on the classpath by camel-console when that is present; nothing here needs it.
 */
@DevConsole(
        name = "seedance",
        displayName = "Seedance",
        description = "Seedance endpoints: generations in flight and outcomes")
public class SeedanceDevConsole extends AbstractDevConsole {

    public SeedanceDevConsole() {
        super("camel", "seedance", "Seedance", "Seedance endpoints: generations in flight and outcomes");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (SeedanceEndpoint endpoint : endpoints()) {
            text.append(URISupport.sanitizeUri(endpoint.getEndpointUri())).append('\n');
            counters(endpoint)
                    .forEach((name, value) -> text.append("    ")
                            .append(name)
                            .append(": ")
                            .append(value)
                            .append('\n'));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> list = new ArrayList<>();
        for (SeedanceEndpoint endpoint : endpoints()) {
            JsonObject json = new JsonObject();
            json.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
            counters(endpoint)
                    .forEach((name, value) -> json.put(name, value instanceof Map<?, ?> map ? json(map) : value));
            list.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("endpoints", list);
        return root;
    }

    private List<SeedanceEndpoint> endpoints() {
        List<SeedanceEndpoint> endpoints = new ArrayList<>();
        for (var endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof SeedanceEndpoint seedance) {
                endpoints.add(seedance);
            }
        }
        return endpoints;
    }

    /** The endpoint's JMX attributes by their JSON names, in the order the text lists them. */
    private static Map<String, Object> counters(SeedanceEndpoint endpoint) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("operation", endpoint.getOperation().name());
        counters.put("generationsInFlight", endpoint.getGenerationsInFlight());
        counters.put("oldestGenerationInFlightMillis", endpoint.getOldestGenerationInFlightMillis());
        counters.put("generationsWaitingForPermit", endpoint.getGenerationsWaitingForPermit());
        counters.put("generationsWaitingForRetry", endpoint.getGenerationsWaitingForRetry());
        counters.put("retriesScheduled", endpoint.getRetriesScheduled());
        counters.put("videos", endpoint.getVideos());
        counters.put("refusedLocally", endpoint.getRefusedLocally());
        counters.put("apiErrors", endpoint.getApiErrors());
        counters.put("apiErrorsByStatus", endpoint.getApiErrorsByStatus());
        counters.put("transportFailures", endpoint.getTransportFailures());
        counters.put("downloadFailures", endpoint.getDownloadFailures());
        counters.put("generationsStopped", endpoint.getGenerationsStopped());
        counters.put("otherFailures", endpoint.getOtherFailures());
        counters.put("lateBilledAnswers", endpoint.getLateBilledAnswers());
        counters.put("downloadsResumed", endpoint.getDownloadsResumed());
        if (endpoint.getLastError() != null) {
            counters.put("lastError", endpoint.getLastError());
            counters.put("lastErrorTime", endpoint.getLastErrorTime());
        }
        return counters;
    }

    private static JsonObject json(Map<?, ?> map) {
        JsonObject json = new JsonObject();
        map.forEach((key, value) -> json.put(String.valueOf(key), value));
        return json;
    }
}
