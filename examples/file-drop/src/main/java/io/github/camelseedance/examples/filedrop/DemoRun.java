package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import io.github.camelseedance.examples.gallery.GalleryFile;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: copies the shipped samples into the input folder of the running application, waits until every one has
 * been moved to {@code .done} or {@code .error} with nothing left in flight, stops Camel and prints a summary.
 */
final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** The running count is printed when it changes, and at least this often. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Main main;

    DemoRun(Main main) {
        this.main = main;
    }

    /** Returns the process exit code: 0 when every sample became a video. */
    int run() throws Exception {
        main.start();
        DemoTally tally;
        Path input;
        Path output;
        try {
            CamelContext context = main.getCamelContext();
            input = folder(context, "{{filedrop.input-dir}}");
            output = folder(context, "{{filedrop.output-dir}}");
            Path samples = folder(context, "{{filedrop.demo.samples-dir}}");
            Duration timeout = Duration.ofSeconds(
                    Long.parseLong(context.resolvePropertyPlaceholders("{{filedrop.demo.timeout-seconds}}")));
            List<String> names = copySamples(samples, input, output);
            LOG.info("Dropped {} sample inputs from {} into {}", names.size(), samples, input);
            tally = awaitSettled(
                    input, names, () -> context.getInflightRepository().size(), timeout);
        } finally {
            main.stop();
        }
        System.out.println();
        tally.summary(input, output).forEach(System.out::println);
        galleryLine(output).ifPresent(System.out::println);
        return tally.succeeded() ? 0 : 1;
    }

    /** The summary's last line: where the page of the run's videos is, when there is one. */
    static Optional<String> galleryLine(Path output) {
        Path page = output.resolve(GalleryFile.NAME);
        return Files.isRegularFile(page)
                ? Optional.of("Gallery:          " + page + " (open it in a browser; it works offline)")
                : Optional.empty();
    }

    /**
     * Polls until every input has left the input folder and no exchange is in flight, or until the timeout; a
     * {@code .done} entry alone is not enough, since the video is written before the input is moved.
     */
    static DemoTally awaitSettled(Path input, List<String> names, IntSupplier inflight, Duration timeout)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int reported = -1;
        long reportedAt = started;
        while (true) {
            DemoTally tally = DemoTally.of(input, names);
            int inFlight = inflight.getAsInt();
            if (tally.allSettled() && inFlight == 0) {
                return tally;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                LOG.warn(
                        "Gave up waiting after {} s: {} of {} inputs unfinished",
                        timeout.toSeconds(),
                        tally.pending().size(),
                        tally.total());
                return tally;
            }
            if (tally.settledCount() != reported || now - reportedAt >= REPORT_EVERY.toNanos()) {
                reported = tally.settledCount();
                reportedAt = now;
                LOG.info(tally.progress(inFlight, Duration.ofNanos(now - started)));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Copies every sample into the input folder and returns the names. Leftovers of an earlier run for the same names
     * are removed first so the tally reflects this run only.
     */
    static List<String> copySamples(Path samples, Path input, Path output) throws IOException {
        if (!Files.isDirectory(samples)) {
            throw new IOException("No samples folder at " + samples);
        }
        Files.createDirectories(input);
        List<Path> files;
        try (Stream<Path> listing = Files.list(samples)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(DemoRun::isInput)
                    .sorted()
                    .toList();
        }
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Files.deleteIfExists(input.resolve(DemoTally.DONE_DIR).resolve(name));
            Files.deleteIfExists(input.resolve(DemoTally.ERROR_DIR).resolve(name));
            Files.deleteIfExists(output.resolve(name.substring(0, name.lastIndexOf('.')) + ".mp4"));
            // copied under a dot-name the consumer ignores, then renamed: it never reads a half-copied file
            Path hidden = input.resolve("." + name + ".copying");
            Files.copy(file, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }
        return names;
    }

    private static boolean isInput(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".json"));
    }

    private static Path folder(CamelContext context, String placeholder) {
        return Path.of(context.resolvePropertyPlaceholders(placeholder))
                .toAbsolutePath()
                .normalize();
    }
}
