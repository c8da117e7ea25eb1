package io.github.camelseedance.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The cost of the component over the least a caller could write: {@code direct -> seedance:generate} versus a JDK
 * HttpClient POST of the very same bytes and a Jackson parse of the answer, one call at a time from one thread,
 * against an emulator with no latency in the same JVM. The two sides alternate in rounds so drift (JIT, GC, a
 * neighbour's load) falls on both.
 */
public final class OverheadScenario {

    static final int WARM_UP = 3_000;
    static final int ROUNDS = 6;
    static final int CALLS_PER_ROUND = 2_000;
    static final String PROMPT = "A lighthouse at dusk, waves rolling in, slow dolly forward";

    /** hopped: the hand-written client wired as the component wires its own (see {@link RawClient#generateHopped}). */
    record Result(double routeMedianMicros, double rawMedianMicros, double hoppedMedianMicros,
                  double routePerSecond, double rawPerSecond, double hoppedPerSecond) {
    }

    static Result run() throws Exception {
        String[] f = Jvm.result(List.of("-Xmx512m"), OverheadScenario.class).split(" ");
        return new Result(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }

    public static void main(String[] args) throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().apiKey(EmulatorProcess.API_KEY).build().start();
             CamelContext camel = new DefaultCamelContext()) {
            SeedanceComponent seedance = new SeedanceComponent();
            seedance.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
            seedance.getConfiguration().setBaseUrl(emulator.baseUrl());
            camel.addComponent("seedance", seedance);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("seedance:generate");
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            // the hand-written side sends exactly what the component sent, so both ask the emulator the same thing
            template.requestBody("direct:generate", PROMPT, String.class);
            byte[] body = emulator.generationRequests().get(0).body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            RawClient raw = new RawClient(emulator.baseUrl(), body);

            Call route = () -> template.requestBody("direct:generate", PROMPT, String.class);
            Call direct = raw::generate;
            Call hopped = raw::generateHopped;
            measure(route, WARM_UP);
            measure(direct, WARM_UP);
            measure(hopped, WARM_UP);
            long[] routeTimes = new long[ROUNDS * CALLS_PER_ROUND];
            long[] rawTimes = new long[ROUNDS * CALLS_PER_ROUND];
            long[] hoppedTimes = new long[ROUNDS * CALLS_PER_ROUND];
            long routeTotal = 0;
            long rawTotal = 0;
            long hoppedTotal = 0;
            for (int round = 0; round < ROUNDS; round++) {
                emulator.reset(); // its records of every request would otherwise grow for the whole run
                routeTotal += measureInto(route, routeTimes, round * CALLS_PER_ROUND);
                rawTotal += measureInto(direct, rawTimes, round * CALLS_PER_ROUND);
                hoppedTotal += measureInto(hopped, hoppedTimes, round * CALLS_PER_ROUND);
            }
            raw.pool.shutdown();
            double calls = ROUNDS * CALLS_PER_ROUND;
            System.out.printf("RESULT %.1f %.1f %.1f %.0f %.0f %.0f%n", median(routeTimes) / 1e3,
                    median(rawTimes) / 1e3, median(hoppedTimes) / 1e3, calls / (routeTotal / 1e9),
                    calls / (rawTotal / 1e9), calls / (hoppedTotal / 1e9));
        }
        System.exit(0);
    }

    interface Call {
        Object call() throws Exception;
    }

    private static void measure(Call call, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            check(call.call());
        }
    }

    /** Records each call's nanoseconds from {@code offset}; returns the round's wall time. */
    private static long measureInto(Call call, long[] times, int offset) throws Exception {
        long roundStart = System.nanoTime();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            long start = System.nanoTime();
            Object url = call.call();
            times[offset + i] = System.nanoTime() - start;
            check(url);
        }
        return System.nanoTime() - roundStart;
    }

    private static void check(Object url) {
        if (!(url instanceof String text) || !text.startsWith("http")) {
            throw new IllegalStateException("Expected a video URL, got " + url);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The least code that does the same job: POST, check the status, parse the JSON, take the URL. */
    static final class RawClient {
        private final HttpClient http = HttpClient.newHttpClient();
        /** As in the component: a cached pool given to the client and used again for the answer. */
        final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
        private final HttpClient pooled = HttpClient.newBuilder().executor(pool).build();
        private final ObjectMapper mapper = new ObjectMapper();
        private final URI uri;
        private final byte[] body;

        RawClient(String baseUrl, byte[] body) {
            this.uri = URI.create(baseUrl + "/v1/videos/generations");
            this.body = body;
        }

        String generate() throws Exception {
            return parse(http.send(request(), HttpResponse.BodyHandlers.ofByteArray()));
        }

        /**
         * The same work with the component's threading and nothing else of it: sendAsync on a client with its own
         * cached executor, the answer parsed after a hop to that executor, the caller waiting on the future.
         */
        String generateHopped() throws Exception {
            return pooled.sendAsync(request(), HttpResponse.BodyHandlers.ofByteArray())
                    .thenApplyAsync(this::parse, pool).join();
        }

        private HttpRequest request() {
            return HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        private String parse(HttpResponse<byte[]> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            try {
                JsonNode json = mapper.readTree(response.body());
                return json.path("data").path(0).path("url").asText(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
