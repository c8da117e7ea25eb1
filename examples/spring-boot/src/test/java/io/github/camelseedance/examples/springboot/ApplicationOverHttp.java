package io.github.camelseedance.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.awaitility.Awaitility.await;

/** What the tests that call the running application over real HTTP share: its port, its emulator, GET, POST, polling. */
abstract class ApplicationOverHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** An upper bound for a slow, loaded machine; the emulator answers at once. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private EmulatorFallback target;

    SeedanceEmulator emulator;

    @BeforeEach
    void emulator() {
        emulator = target.emulator().orElseThrow();
        emulator.reset();
    }

    /** Polls a job's status (its {@code Location}) until it is no longer pending. */
    JsonNode awaitOutcome(String location) {
        AtomicReference<JsonNode> status = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            status.set(JSON.readTree(get(location).body()));
            return !status.get().get("status").asText().equals("pending");
        });
        return status.get();
    }

    /** {@code POST /videos} with a JSON body. */
    HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/videos"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
