package io.github.camelseedance.examples.filedrop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where each demo input stands, read from the folders the file consumer moves inputs to: {@code .done}, {@code .error},
 * or neither yet.
 */
record DemoTally(List<String> done, List<String> failed, List<String> pending) {

    static final String DONE_DIR = FileDropRoutes.DONE_DIR;
    static final String ERROR_DIR = FileDropRoutes.ERROR_DIR;

    DemoTally {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
        pending = List.copyOf(pending);
    }

    static DemoTally of(Path inputDir, Collection<String> names) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String name : names) {
            // an input still in the folder is pending even if a copy sits in .done: it is being processed again
            if (Files.exists(inputDir.resolve(name))) {
                pending.add(name);
            } else if (Files.exists(inputDir.resolve(DONE_DIR).resolve(name))) {
                done.add(name);
            } else if (Files.exists(inputDir.resolve(ERROR_DIR).resolve(name))) {
                failed.add(name);
            } else {
                pending.add(name);
            }
        }
        return new DemoTally(done, failed, pending);
    }

    int total() {
        return done.size() + failed.size() + pending.size();
    }

    int settledCount() {
        return done.size() + failed.size();
    }

    boolean allSettled() {
        return pending.isEmpty();
    }

    /** The running count the demo prints while it waits; in flight are exchanges in Camel, the other pending wait. */
    String progress(int inFlight, Duration elapsed) {
        return "Running for " + elapsed.toSeconds() + " s: " + done.size() + " of " + total() + " inputs done, "
                + failed.size() + " failed, " + inFlight + " in flight, " + Math.max(0, pending.size() - inFlight)
                + " waiting";
    }

    boolean succeeded() {
        return total() > 0 && failed.isEmpty() && pending.isEmpty();
    }

    /** The lines printed at the end of the demo. */
    List<String> summary(Path inputDir, Path outputDir) {
        List<String> lines = new ArrayList<>();
        lines.add("Seedance file-drop demo: " + done.size() + " of " + total() + " inputs became videos, "
                + failed.size() + " failed" + (pending.isEmpty() ? "" : ", " + pending.size() + " unfinished"));
        lines.add("Videos:           " + outputDir);
        lines.add("Processed inputs: " + inputDir.resolve(DONE_DIR));
        if (!failed.isEmpty()) {
            lines.add(
                    "Failed inputs:    " + inputDir.resolve(ERROR_DIR) + " " + failed + " (reasons in the log above)");
        }
        if (!pending.isEmpty()) {
            lines.add("Unfinished:       " + pending);
        }
        return lines;
    }
}
