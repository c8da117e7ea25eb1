package io.github.camelseedance.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import io.github.camelseedance.SeedanceComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A thousand generations started at once against an emulator (in its own JVM) that takes 2 s to answer each: wall
 * time until the last one is answered, and the most live threads the client JVM had meanwhile. Each client runs in a
 * fresh JVM so nothing from another run is counted.
 */
public final class ThousandsScenario {

    static final int GENERATIONS = 1_000;
    static final int WARM_UP = 20;
    static final String JSON = "{\"model\":\"ByteDance-Seedance-1.5-pro\",\"prompt\":\"" + OverheadScenario.PROMPT + "\"}";

    /**
     * seconds: until all of the first burst were answered; againSeconds: the same for a second burst right after it, in
     * the same JVM; threads: before the first burst, and the most while either ran.
     */
    record Result(String client, double seconds, double againSeconds, int failed, int threadsBefore, int peakThreads,
                  String emulatorStats) {
    }

    static Result run(String client, EmulatorProcess emulator, String... jvmOptions) throws Exception {
        String[] f = Jvm.result(List.of(jvmOptions), ThousandsScenario.class, client, emulator.baseUrl).split(" ");
        return new Result(client + (jvmOptions.length > 0 ? " " + String.join(" ", jvmOptions) : ""),
                Double.parseDouble(f[0]), Double.parseDouble(f[4]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                Integer.parseInt(f[3]), emulator.stats());
    }

    public static void main(String[] args) throws Exception {
        String client = args[0];
        String baseUrl = args[1];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Result result;
        if (client.equals("jdk-httpclient")) {
            result = rawJdk(baseUrl, threads);
        } else {
            try (CamelContext camel = new DefaultCamelContext()) {
                SeedanceComponent seedance = new SeedanceComponent();
                seedance.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
                seedance.getConfiguration().setBaseUrl(baseUrl);
                camel.addComponent("seedance", seedance);
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:seedance").to("seedance:generate");
                        // camel-http at its defaults: the blocking producer, the JSON body and the key as a header
                        from("direct:camel-http")
                                .setHeader("Authorization", constant("Bearer " + EmulatorProcess.API_KEY))
                                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                .setBody(constant(JSON))
                                .to(baseUrl + "/v1/videos/generations");
                    }
                });
                camel.start();
                ProducerTemplate template = camel.createProducerTemplate();
                template.start(); // its executor exists before the clock starts
                String body = client.equals("seedance") ? OverheadScenario.PROMPT : JSON;
                result = measure(client, threads, count -> {
                    List<Future<Exchange>> sent = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        sent.add(template.asyncSend("direct:" + client, exchange -> exchange.getMessage().setBody(body)));
                    }
                    int failed = 0;
                    for (Future<Exchange> future : sent) {
                        failed += future.get().getException() != null ? 1 : 0;
                    }
                    return failed;
                });
            }
        }
        System.out.printf("RESULT %.2f %d %d %d %.2f%n", result.seconds(), result.failed(), result.threadsBefore(),
                result.peakThreads(), result.againSeconds());
        System.exit(0);
    }

    /** The same thousand with nothing but the JDK client: what the emulator and the loopback allow. */
    private static Result rawJdk(String baseUrl, ThreadMXBean threads) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/videos/generations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON)).build();
        return measure("jdk-httpclient", threads, count -> {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            int failed = 0;
            for (var future : sent) {
                failed += future.get().statusCode() == 200 ? 0 : 1;
            }
            return failed;
        });
    }

    interface Burst {
        /** Starts {@code count} generations at once, waits for all, returns how many failed. */
        int send(int count) throws Exception;
    }

    /**
     * A small burst first, unmeasured, so class loading and the first connections are not charged to the thousand;
     * then the thousand, with the clock and the thread sampler running; then the thousand again, which shows the same
     * client with its code compiled and its connections open, as in a service that has been running for a while.
     */
    private static Result measure(String client, ThreadMXBean threads, Burst burst) throws Exception {
        // camel-http's burst takes minutes (see the report); one is enough to show it
        boolean again = !client.equals("camel-http");
        burst.send(WARM_UP);
        Sampler sampler = Sampler.start(threads);
        long start = System.nanoTime();
        int failed = burst.send(GENERATIONS);
        long first = System.nanoTime() - start;
        long second = -1;
        if (again) {
            start = System.nanoTime();
            failed += burst.send(GENERATIONS);
            second = System.nanoTime() - start;
        }
        return sampler.stop(client, first, second, failed);
    }

    /**
     * Live threads, sampled every millisecond, and the JVM's own peak since the reset (which also catches a thread
     * that lived between two samples). The sampler's own thread is subtracted.
     */
    private static final class Sampler implements Runnable {
        private final ThreadMXBean threads;
        private final int before;
        private final Thread thread = new Thread(this, "thread-sampler");
        private volatile boolean running = true;
        private int sampledMax;

        private Sampler(ThreadMXBean threads) {
            this.threads = threads;
            this.before = threads.getThreadCount();
            threads.resetPeakThreadCount();
        }

        static Sampler start(ThreadMXBean threads) {
            Sampler sampler = new Sampler(threads);
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                sampledMax = Math.max(sampledMax, threads.getThreadCount());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Result stop(String client, long nanos, long againNanos, int failed) throws InterruptedException {
            running = false;
            thread.join();
            int peak = Math.max(sampledMax, threads.getPeakThreadCount()) - 1;
            return new Result(client, nanos / 1e9, againNanos / 1e9, failed, before, peak, null);
        }
    }
}
