package io.github.camelseedance.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JDK HTTP client, with shortcuts for the emulator's endpoints; configurable for TLS or a proxy. */
final class TestClient {

    static final String VALID_BODY = "{\"model\":\"ByteDance-Seedance-1.5-pro\",\"prompt\":\"A shiba inu running on "
            + "the beach\",\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"seconds\":5}";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;

    TestClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, httpClient().build());
    }

    TestClient(String baseUrl, String apiKey, HttpClient http) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = http;
    }

    /** The builder of the default client, to add an SSL context or a proxy to. */
    static HttpClient.Builder httpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    }

    /** A client of an emulator started with {@code tls()}, trusting its certificate. */
    static TestClient trusting(SeedanceEmulator emulator) {
        return new TestClient(
                emulator.baseUrl(),
                emulator.apiKey(),
                httpClient().sslContext(EmulatorTls.trustingSslContext()).build());
    }

    HttpRequest.Builder generation(String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/v1/videos/generations"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest authorizedGeneration(String body) {
        return generation(body).header("Authorization", "Bearer " + apiKey).build();
    }

    HttpResponse<String> generate(String body) {
        return send(authorizedGeneration(body));
    }

    CompletableFuture<HttpResponse<String>> generateAsync(String body) {
        return http.sendAsync(authorizedGeneration(body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> download(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Streams a download straight to a file, so a large video never sits in the test's memory either. */
    HttpResponse<Path> downloadTo(String url, Path file) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(120))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofFile(file));
    }

    HttpResponse<Void> head(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Sends a request and reads its body as far as it goes, keeping what arrived when the connection breaks midway:
     * the headers the answer promised and the bytes it delivered can then be compared.
     */
    Received receive(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        IOException failure = null;
        try (InputStream in = response.body()) {
            in.transferTo(body);
        } catch (IOException e) {
            failure = e;
        }
        return new Received(response.statusCode(), response.headers(), body.toByteArray(), failure);
    }

    HttpRequest getRequest(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    HttpClient http() {
        return http;
    }

    /**
     * What an answer delivered: status and headers, the body bytes read, and the failure that ended the read, if any.
     */
    record Received(int status, HttpHeaders headers, byte[] body, IOException failure) {

        /** The Content-Length the answer promised, or -1 when it sent none. */
        long contentLength() {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
