package io.github.camelseedance.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.emulator.SeedanceEmulator;

/**
 * In a fresh JVM: an emulator that renders, and the time from asking for a generated video of 1080p, 10 s with audio
 * to having its last byte, the first (rendered cold, in a JVM that has rendered nothing) and then others, each for a
 * prompt of its own, so each is rendered rather than taken from the cache.
 */
public final class RenderRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RenderRun() {}

    /** args: how many warm renders follow the cold one. */
    public static void main(String[] args) {
        Jvm.child(() -> run(Integer.parseInt(args[0])));
    }

    private static void run(int warm) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .apiKey(EmulatorProcess.API_KEY)
                .build()
                .start()) {
            List<Double> millis = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i <= warm; i++) {
                String url = generate(http, emulator, "A harbour at dawn, seen from a drone, take " + i);
                long start = System.nanoTime();
                HttpResponse<byte[]> video = http.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                millis.add((System.nanoTime() - start) / 1e6);
                if (video.statusCode() != 200) {
                    throw new IllegalStateException("GET " + url + " answered " + video.statusCode());
                }
                bytes = video.body().length;
            }
            Jvm.report("coldMillis", millis.get(0));
            Jvm.report("warmMillis", Spread.of(millis.subList(1, millis.size())).median());
            Jvm.report("bytes", bytes);
        }
    }

    private static String generate(HttpClient http, SeedanceEmulator emulator, String prompt) throws Exception {
        String body = MAPPER.createObjectNode()
                .put("model", "SIRAYA-Seedance-2.0")
                .put("prompt", prompt)
                .put("resolution", "1080p")
                .put("aspect_ratio", "16:9")
                .put("seconds", 10)
                .put("generate_audio", true)
                .toString();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/videos/generations"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The generation answered " + answer.statusCode() + ": " + answer.body());
        }
        return MAPPER.readTree(answer.body()).at("/data/0/url").asText();
    }
}
