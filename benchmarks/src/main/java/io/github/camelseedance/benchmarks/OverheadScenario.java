package io.github.camelseedance.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

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

    /** hopped: the hand-written client on the component's transport and threading (see {@link RawClient#generateOnTransport}). */
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
            Call hopped = raw::generateOnTransport;
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
            raw.close();
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
        /** As in the component: a fixed pool where the answer is taken up. */
        final ExecutorService pool = Executors.newFixedThreadPool(10);
        /** As in the component: one I/O thread, connections kept alive. */
        final HttpAsyncRequester requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build()).create();
        private final ObjectMapper mapper = new ObjectMapper();
        private final URI uri;
        private final byte[] body;

        RawClient(String baseUrl, byte[] body) {
            this.uri = URI.create(baseUrl + "/v1/videos/generations");
            this.body = body;
            requester.start();
        }

        void close() {
            pool.shutdown();
            requester.close(CloseMode.IMMEDIATE);
        }

        String generate() throws Exception {
            return parse(http.send(request(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()));
        }

        /**
         * The same work with the component's transport and threading and nothing else of it: httpcore5's requester
         * on one I/O thread, the answer read there, the result handed to a fixed pool (where the component continues
         * the route), the caller waiting on the future.
         */
        String generateOnTransport() throws Exception {
            CompletableFuture<Message<HttpResponse, byte[]>> answer = new CompletableFuture<>();
            requester.execute(new BasicRequestProducer(post(), AsyncEntityProducers.create(body, ContentType.create("application/json"))),
                    new BasicResponseConsumer<>(new BasicAsyncEntityConsumer()), Timeout.ofSeconds(30),
                    new FutureCallback<>() {
                        @Override
                        public void completed(Message<HttpResponse, byte[]> result) {
                            answer.complete(result);
                        }

                        @Override
                        public void failed(Exception ex) {
                            answer.completeExceptionally(ex);
                        }

                        @Override
                        public void cancelled() {
                            answer.cancel(false);
                        }
                    });
            return answer.thenApplyAsync(m -> parse(m.getHead().getCode(), m.getBody()), pool).join();
        }

        private BasicHttpRequest post() {
            BasicHttpRequest post = new BasicHttpRequest(Method.POST, uri);
            post.addHeader("Authorization", "Bearer " + EmulatorProcess.API_KEY);
            return post;
        }

        private HttpRequest request() {
            return HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        private String parse(java.net.http.HttpResponse<byte[]> response) {
            return parse(response.statusCode(), response.body());
        }

        private String parse(int status, byte[] answer) {
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
            try {
                JsonNode json = mapper.readTree(answer);
                return json.path("data").path(0).path("url").asText(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
