package io.github.camelseedance.benchmarks;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From launching the file-drop demo's JVM to Camel reporting it started, and the process's peak resident memory
 * (VmHWM) at that moment. It is given an API key and a base URL, as in production, so it starts no embedded emulator;
 * it calls nothing, because its input folder is empty.
 */
final class StartupScenario {

    static final String MAIN = "io.github.camelseedance.examples.filedrop.FileDropApplication";

    private StartupScenario() {}

    record Result(Spread millis, Spread rssMiB) {}

    static Result run(Settings settings, Path dir) throws Exception {
        List<Double> millis = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int i = 0; i < settings.startupLaunches(); i++) {
            Path input = Files.createDirectories(dir.resolve("input-" + i));
            Path output = Files.createDirectories(dir.resolve("output-" + i));
            Map<String, String> env = Map.of(
                    "FILEDROP_INPUT_DIR",
                    input.toString(),
                    "FILEDROP_OUTPUT_DIR",
                    output.toString(),
                    "SEEDANCE_API_KEY",
                    EmulatorProcess.API_KEY,
                    "SEEDANCE_BASE_URL",
                    "http://127.0.0.1:9");
            long start = System.nanoTime();
            // the demo logs at info with its own logback.xml (the only one on the classpath), not at the harness's warn
            Process process = Jvm.start(List.of("-Dlogback.configurationFile=logback.xml"), MAIN, env, "run");
            try (BufferedReader out = Jvm.reader(process)) {
                String line;
                while ((line = out.readLine()) != null
                        && !(line.contains("Apache Camel") && line.contains(" started in "))) {
                    // the start-up log
                }
                millis.add((System.nanoTime() - start) / 1e6);
                if (line == null) {
                    throw new IllegalStateException("The file-drop demo ended before it started");
                }
                rss.add(vmHwmKiB(process.pid()) / 1024.0);
            } finally {
                process.destroy(); // SIGTERM: Camel Main shuts down gracefully
                process.waitFor();
            }
        }
        return new Result(Spread.of(millis), Spread.of(rss));
    }

    private static long vmHwmKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmHWM for process " + pid);
    }
}
