package io.github.camelseedance.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Floor (b): the JDK's {@code HttpClient.sendAsync} at its defaults, posting the component's bytes and parsing the
 * answer with Jackson; HTTP/1.1, as the component and the emulator speak, so no h2c upgrade is attempted.
 */
final class JdkClient implements GenerationClient {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;

    JdkClient(String baseUrl, byte[] body) {
        request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/videos/generations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    @Override
    public CompletableFuture<String> generate() {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> VideoAnswer.url(response.statusCode(), response.body()));
    }

    @Override
    public void close() {
        // the JDK client of Java 17 has no close; its threads end with the JVM
    }
}
