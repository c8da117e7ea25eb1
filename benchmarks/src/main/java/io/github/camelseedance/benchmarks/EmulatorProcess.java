package io.github.camelseedance.benchmarks;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.emulator.SeedanceEmulator;

/**
 * The emulator in a JVM of its own: {@link #main} starts it and prints its URL; the parent asks for its figures with
 * "stats" on stdin and ends it by closing stdin.
 */
final class EmulatorProcess implements AutoCloseable {

    static final String API_KEY = "benchmark-key";

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final String baseUrl;

    /** videoSize 0: the emulator's own sample video. */
    EmulatorProcess(Duration latency, long videoSize) throws Exception {
        process = Jvm.start(List.of("-Xmx512m"), EmulatorProcess.class.getName(), Map.of(),
                Long.toString(latency.toMillis()), Long.toString(videoSize));
        out = Jvm.reader(process);
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        baseUrl = expect("URL ");
    }

    /** "in flight now, most at once" since the last call, as the emulator counts them. */
    String stats() throws Exception {
        in.println("stats");
        return expect("STATS ");
    }

    private String expect(String prefix) throws Exception {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            System.out.println("    emulator| " + line);
        }
        throw new IllegalStateException("The emulator process ended before printing " + prefix.trim());
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroy();
        }
    }

    public static void main(String[] args) throws Exception {
        SeedanceEmulator.Builder builder = SeedanceEmulator.builder().apiKey(API_KEY)
                .latency(Duration.ofMillis(Long.parseLong(args[0])));
        long videoSize = Long.parseLong(args[1]);
        if (videoSize > 0) {
            builder.videoSize(videoSize);
        }
        try (SeedanceEmulator emulator = builder.build()) {
            emulator.start();
            System.out.println("URL " + emulator.baseUrl());
            BufferedReader commands = new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = commands.readLine()) != null; ) {
                if (line.equals("stats")) {
                    System.out.println("STATS " + emulator.generationsInFlight() + " " + emulator.maxConcurrentGenerations());
                    emulator.reset(); // the next run counts from zero
                }
            }
        }
        System.exit(0);
    }
}
