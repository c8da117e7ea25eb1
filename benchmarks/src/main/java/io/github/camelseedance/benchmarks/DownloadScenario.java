package io.github.camelseedance.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.SeedanceConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A 1 GiB video written to a file, three times over, by {@code seedance:generate?download=true -> file:} in a JVM capped at 64 MiB of
 * heap, against curl fetching the same URL from the same emulator (in its own JVM). The heap is sampled throughout:
 * it must stay flat, since the video passes through as a stream.
 */
public final class DownloadScenario {

    static final long VIDEO_BYTES = 1L << 30;
    static final String MAX_HEAP = "-Xmx64m";

    /** Downloads per side; the median is reported, so neither a cold first pass nor one unlucky run decides. */
    static final int RUNS = 3;

    /**
     * seconds: the median of the runs; maxHeapMiB: the most heap in use over all of them; heapBeforeMiB and
     * heapAfterMiB: heap in use after a collection, before the first download and after the last.
     */
    record Camel(double seconds, double maxHeapMiB, String url, double heapBeforeMiB, double heapAfterMiB) {
        double mbps() {
            return DownloadScenario.mbps(seconds);
        }
    }

    record Result(Camel plain, double curlSeconds) {
        double curlMBps() {
            return mbps(curlSeconds);
        }
    }

    static Result run(EmulatorProcess emulator, Path dir) throws Exception {
        Camel plain = camel(emulator, dir, List.of(MAX_HEAP));
        String url = plain.url();

        Path curled = dir.resolve("curl.mp4");
        double[] curlSeconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            int exit = new ProcessBuilder("/usr/bin/curl", "-s", "-o", curled.toString(), url).inheritIO().start().waitFor();
            curlSeconds[run] = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException("curl exited with " + exit);
            }
            requireSize(curled);
            Files.delete(curled);
        }
        return new Result(plain, median(curlSeconds));
    }

    private static Camel camel(EmulatorProcess emulator, Path dir, List<String> options) throws Exception {
        Path ours = dir.resolve("seedance.mp4");
        String[] f = Jvm.result(options, DownloadScenario.class, emulator.baseUrl, ours.toString()).split(" ");
        requireSize(ours);
        Files.delete(ours);
        return new Camel(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2], Double.parseDouble(f[3]),
                Double.parseDouble(f[4]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mbps(double seconds) {
        return VIDEO_BYTES / 1e6 / seconds;
    }

    private static void requireSize(Path file) throws Exception {
        if (Files.size(file) != VIDEO_BYTES) {
            throw new IllegalStateException(file + " has " + Files.size(file) + " bytes, not " + VIDEO_BYTES);
        }
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path target = Path.of(args[1]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (CamelContext camel = new DefaultCamelContext()) {
            SeedanceComponent seedance = new SeedanceComponent();
            seedance.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
            seedance.getConfiguration().setBaseUrl(baseUrl);
            camel.addComponent("seedance", seedance);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:download").to("seedance:generate?download=true")
                            .to("file:" + target.getParent() + "?fileName=" + target.getFileName());
                }
            });
            camel.start();
            memory.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            double[] seconds = new double[RUNS];
            String url = null;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                Exchange done = camel.createProducerTemplate().send("direct:download",
                        exchange -> exchange.getMessage().setBody(OverheadScenario.PROMPT));
                seconds[run] = (System.nanoTime() - start) / 1e9;
                if (done.getException() != null) {
                    throw done.getException();
                }
                if (run < RUNS - 1) {
                    requireSize(target);
                    Files.delete(target);
                }
                url = done.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
            }
            sampler.running = false;
            sampler.join();
            memory.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("RESULT %.3f %.1f %s %.1f %.1f%n", median(seconds), sampler.max / 1024.0 / 1024.0, url,
                    before / 1024.0 / 1024.0, after / 1024.0 / 1024.0);
        }
        System.exit(0);
    }

    /** Heap in use every 10 ms; the most seen is the figure (it includes garbage not yet collected). */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory;
        volatile boolean running = true;
        long max;

        HeapSampler(MemoryMXBean memory) {
            super("heap-sampler");
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
