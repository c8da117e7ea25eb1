package io.github.camelseedance.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo mode: posts each shipped sample to the running API as a client would, polls each accepted one until it is done
 * or failed, and prints what came back. Samples named {@code invalid-*} are meant to be refused with 400.
 */
final class DemoRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final URI base;
    private final Path samples;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoRun(int port, Path samples) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.samples = samples;
    }

    /** Returns the process exit code: 0 when each valid sample became a video and each invalid one was refused. */
    int run() throws IOException, InterruptedException {
        Map<String, URI> accepted = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Path sample : samples()) {
            String name = sample.getFileName().toString();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(base.resolve("/videos"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofFile(sample))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean meantInvalid = name.startsWith("invalid-");
            if (answer.statusCode() == 202) {
                String location = answer.headers().firstValue("Location").orElseThrow();
                System.out.println("POST /videos " + name + " -> 202 Accepted, Location: " + location);
                accepted.put(name, base.resolve(location));
                if (meantInvalid) {
                    wrong.add(name + " was accepted");
                }
            } else {
                JsonNode problem = JSON.readTree(answer.body());
                System.out.println("POST /videos " + name + " -> " + answer.statusCode() + ", field "
                        + problem.path("field").asText() + ": "
                        + problem.path("detail").asText());
                if (!meantInvalid || answer.statusCode() != 400) {
                    wrong.add(name + " was refused");
                }
            }
        }
        int done = 0;
        for (Map.Entry<String, URI> job : accepted.entrySet()) {
            JsonNode status = await(job.getValue());
            System.out.println("GET " + job.getValue().getPath() + " (" + job.getKey() + ") -> " + status);
            if (status.path("status").asText().equals(VideoJob.DONE)) {
                done++;
            } else {
                wrong.add(job.getKey() + " did not become a video");
            }
        }
        System.out.println();
        System.out.println("Seedance Spring Boot demo: " + done + " of " + accepted.size()
                + " accepted requests became videos; " + wrong.size() + " unexpected outcomes " + wrong);
        return wrong.isEmpty() ? 0 : 1;
    }

    private List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    private JsonNode await(URI job) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String body = http.send(HttpRequest.newBuilder(job).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode status = JSON.readTree(body);
            if (!status.path("status").asText().equals(VideoJob.PENDING) || System.nanoTime() - deadline >= 0) {
                return status;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
