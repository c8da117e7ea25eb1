package io.github.camelseedance.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A large video written to a file by the route in a JVM capped at 64 MiB of heap ({@link DownloadRun}, a fresh JVM per
 * run), against curl fetching the same URL from the same emulator (in its own JVM) right after it. Every file is
 * checked to have every byte, then deleted.
 */
final class DownloadScenario {

    static final String MAX_HEAP = "-Xmx64m";

    private DownloadScenario() {}

    record Run(Jvm.Figures route, double curlSeconds) {}

    record Result(long videoBytes, List<Run> runs) {

        Spread route(String figure) {
            return over(run -> run.route().number(figure));
        }

        Spread routeMBps() {
            return over(run -> mbps(run.route().number("seconds")));
        }

        Spread curlSeconds() {
            return over(Run::curlSeconds);
        }

        Spread curlMBps() {
            return over(run -> mbps(run.curlSeconds()));
        }

        /** The route's throughput over curl's, run by run: below 1 means the route is slower. */
        Spread vsCurl() {
            return over(run -> run.curlSeconds() / run.route().number("seconds"));
        }

        /** Heap in use after the measured download minus after the unmeasured one, run by run (after a collection). */
        Spread keptMiB() {
            return over(run -> run.route().number("heapAfterMiB") - run.route().number("heapBetweenMiB"));
        }

        private double mbps(double seconds) {
            return videoBytes / 1e6 / seconds;
        }

        private Spread over(ToDoubleFunction<Run> figure) {
            return Spread.of(runs.stream().map(figure::applyAsDouble).toList());
        }
    }

    static Result run(Settings settings, Path dir) throws Exception {
        List<Run> runs = new ArrayList<>();
        try (EmulatorProcess emulator = new EmulatorProcess(Duration.ZERO, settings.videoBytes())) {
            for (int run = 1; run <= settings.runs(); run++) {
                System.out.println("  run " + run + "/" + settings.runs());
                Path ours = dir.resolve("seedance.mp4");
                Jvm.Figures route = Jvm.run(List.of(MAX_HEAP), DownloadRun.class, emulator.baseUrl, ours.toString());
                requireAndDelete(ours, settings.videoBytes());
                String url = route.text("url");
                if (!url.startsWith(emulator.baseUrl + "/")) {
                    throw new IllegalStateException("The video URL " + url + " is not the emulator's");
                }
                runs.add(new Run(route, curl(url, dir.resolve("curl.mp4"), settings.videoBytes())));
            }
        }
        return new Result(settings.videoBytes(), runs);
    }

    private static double curl(String url, Path file, long bytes) throws Exception {
        long start = System.nanoTime();
        int exit = new ProcessBuilder("curl", "-s", "-o", file.toString(), url)
                .inheritIO()
                .start()
                .waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("curl exited with " + exit);
        }
        requireAndDelete(file, bytes);
        return seconds;
    }

    private static void requireAndDelete(Path file, long bytes) throws Exception {
        if (Files.size(file) != bytes) {
            throw new IllegalStateException(file + " has " + Files.size(file) + " bytes, not " + bytes);
        }
        Files.delete(file);
    }
}
