package io.github.camelseedance.examples.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each uploaded image stands, read from the keys in the buckets: moved to {@code done/} or {@code error/} in the
 * archive bucket, or still waiting in the input bucket.
 */
record DemoTally(List<String> done, List<String> failed, List<String> pending) {

    static final String DONE_PREFIX = "done/";
    static final String ERROR_PREFIX = "error/";

    DemoTally {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
        pending = List.copyOf(pending);
    }

    /**
     * @param inputKeys   the keys now in the input bucket
     * @param archiveKeys the keys now in the archive bucket (the same set when it is the input bucket)
     * @param keys        the keys uploaded by this run
     */
    static DemoTally of(Set<String> inputKeys, Set<String> archiveKeys, Collection<String> keys) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String key : keys) {
            // still in place: not picked up yet, generating, or half-way through the move (copy before delete)
            if (inputKeys.contains(key)) {
                pending.add(key);
            } else if (archiveKeys.contains(DONE_PREFIX + key)) {
                done.add(key);
            } else if (archiveKeys.contains(ERROR_PREFIX + key)) {
                failed.add(key);
            } else {
                pending.add(key);
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
        return "Running for " + elapsed.toSeconds() + " s: " + done.size() + " of " + total() + " images done, "
                + failed.size() + " failed, " + inFlight + " in flight, " + Math.max(0, pending.size() - inFlight)
                + " waiting";
    }

    boolean succeeded() {
        return total() > 0 && failed.isEmpty() && pending.isEmpty();
    }

    /**
     * The lines printed at the end of the demo.
     *
     * @param reasons   input key to the reason it failed, for the failed ones
     * @param outputDir where the videos were downloaded to, under their keys
     */
    List<String> summary(BucketNames buckets, Map<String, String> reasons, Path outputDir) {
        List<String> lines = new ArrayList<>();
        lines.add("Seedance S3 demo: " + done.size() + " of " + total() + " images became videos, " + failed.size()
                + " failed" + (pending.isEmpty() ? "" : ", " + pending.size() + " unfinished"));
        for (String key : done) {
            lines.add("  " + key + " -> " + OutputKeys.videoKeyFor(key));
        }
        for (String key : failed) {
            lines.add("  " + key + " failed: " + reasons.getOrDefault(key, "see the log"));
        }
        for (String key : pending) {
            lines.add("  " + key + " unfinished");
        }
        String archive = buckets.archive().equals(buckets.input()) ? "" : "s3://" + buckets.archive() + "/";
        lines.add("Images: s3://" + buckets.input() + " (handled ones moved to " + archive + DONE_PREFIX
                + ", failed ones to " + archive + ERROR_PREFIX + ")");
        lines.add("Videos: s3://" + buckets.output() + ", downloaded to " + outputDir);
        return lines;
    }
}
