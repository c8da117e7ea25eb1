package io.github.camelseedance.benchmarks;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * From launching the file-drop demo's JVM to Camel reporting it started, and the process's peak resident memory
 * (VmHWM) at that moment. It is given an API key and a base URL, as in production, so it starts no embedded emulator;
 * it calls nothing, because its input folder is empty.
 */
public final class StartupScenario {

    static final int RUNS = 5;
    static final String MAIN = "io.github.camelseedance.examples.filedrop.FileDropApplication";

    /** Medians over the runs. */
    record Result(double millis, double rssMiB, int runs) {
    }

    static Result run(Path dir) throws Exception {
        double[] millis = new double[RUNS];
        double[] rss = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            Path input = Files.createDirectories(dir.resolve("input-" + i));
            Path output = Files.createDirectories(dir.resolve("output-" + i));
            Map<String, String> env = Map.of("FILEDROP_INPUT_DIR", input.toString(),
                    "FILEDROP_OUTPUT_DIR", output.toString(),
                    "SEEDANCE_API_KEY", "benchmark-key",
                    "SEEDANCE_BASE_URL", "http://127.0.0.1:9");
            long start = System.nanoTime();
            // the demo logs at info (its own simplelogger.properties), not at the harness's warn
            Process process = Jvm.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), MAIN, env, "run");
            try (BufferedReader out = Jvm.reader(process)) {
                String line;
                while ((line = out.readLine()) != null && !(line.contains("Apache Camel") && line.contains(" started in "))) {
                    // the start-up log
                }
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (line == null) {
                    throw new IllegalStateException("The file-drop demo ended before it started");
                }
                rss[i] = vmHwmKiB(process.pid()) / 1024.0;
            } finally {
                process.destroy(); // SIGTERM: Camel Main shuts down gracefully
                process.waitFor();
            }
        }
        return new Result(median(millis), median(rss), RUNS);
    }

    private static long vmHwmKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmHWM for process " + pid);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
