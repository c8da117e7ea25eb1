package io.github.camelseedance.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelseedance.emulator.SeedanceEmulator;

/**
 * The emulator in a JVM of its own, on a free loopback port: {@link #main} starts it and prints its URL; the parent asks
 * for the most generations it had in flight with "stats" on stdin and ends it by closing stdin. Its heap is sized for
 * ten thousand connections and the records of every request between two "stats".
 */
final class EmulatorProcess implements AutoCloseable {

    static final String API_KEY = "benchmark-key";
    static final String MAX_HEAP = "-Xmx2g";

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final String baseUrl;

    /** videoSize 0: the emulator's own sample video. */
    EmulatorProcess(Duration latency, long videoSize) throws Exception {
        process = Jvm.start(
                List.of(MAX_HEAP),
                EmulatorProcess.class.getName(),
                Map.of(),
                Long.toString(latency.toMillis()),
                Long.toString(videoSize));
        out = Jvm.reader(process);
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        baseUrl = expect("URL ");
    }

    /** The most generations in flight at once since the last call. */
    int mostInFlight() throws Exception {
        in.println("stats");
        return Integer.parseInt(expect("MOST "));
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
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor();
        }
    }

    /** args: latency in ms, video size in bytes (0: the emulator's own sample video). */
    public static void main(String[] args) {
        Jvm.child(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        // the fixed clip: these figures are the component's, not the emulator's renderer's
        SeedanceEmulator.Builder builder = SeedanceEmulator.builder()
                .apiKey(API_KEY)
                .host("127.0.0.1")
                .fixedClip()
                .latency(Duration.ofMillis(Long.parseLong(args[0])));
        long videoSize = Long.parseLong(args[1]);
        if (videoSize > 0) {
            builder.videoSize(videoSize);
        }
        try (SeedanceEmulator emulator = builder.build()) {
            emulator.start();
            System.out.println("URL " + emulator.baseUrl());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = commands.readLine()) != null; ) {
                if (line.equals("stats")) {
                    System.out.println("MOST " + emulator.maxConcurrentGenerations());
                    emulator.reset(); // the next run counts from zero, and the records so far are let go
                }
            }
        }
    }
}
