package io.github.camelseedance.examples.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.github.camelseedance.examples.gallery.Gallery;
import io.github.camelseedance.examples.gallery.GalleryCard;
import io.github.camelseedance.examples.gallery.GalleryFile;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: uploads the shipped sample images with their prompts into the input bucket of the running application,
 * waits until every one has been moved to {@code done/} or {@code error/} with nothing left in flight, downloads the
 * videos with {@code index.html} beside them (one card per image), stops Camel and prints a summary.
 */
final class DemoRun {

    static final String TITLE = "Seedance S3 demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** The running count is printed when it changes, and at least this often. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Main main;
    private final SentRequests sentRequests = new SentRequests();

    DemoRun(Main main) {
        this.main = main;
        // bound before the start, so that Camel Main registers it as an event notifier
        main.bind("demoSentRequests", sentRequests);
    }

    /** Returns the process exit code: 0 when every sample became a video. */
    int run() throws Exception {
        Outcome outcome = execute();
        System.out.println();
        outcome.summary().forEach(System.out::println);
        return outcome.succeeded() ? 0 : 1;
    }

    /** What a demo run printed, whether every sample became a video, and its gallery page. */
    record Outcome(List<String> summary, boolean succeeded, Path gallery) {}

    Outcome execute() throws Exception {
        main.start();
        try {
            return feedSamples(main.getCamelContext());
        } finally {
            main.stop();
        }
    }

    private Outcome feedSamples(CamelContext context) throws Exception {
        BucketNames buckets = BucketNames.of(context);
        Path samplesDir = folder(context, "{{s3demo.samples-dir}}");
        Path outputDir = folder(context, "{{s3demo.output-dir}}");
        String prefix = context.resolvePropertyPlaceholders("{{s3demo.key-prefix}}");
        Duration timeout =
                Duration.ofSeconds(Long.parseLong(context.resolvePropertyPlaceholders("{{s3demo.timeout-seconds}}")));
        try (ProducerTemplate template = context.createProducerTemplate()) {
            DemoStore store = new DemoStore(template);
            List<DemoSamples.Sample> samples = DemoSamples.read(samplesDir, prefix);
            for (DemoSamples.Sample sample : samples) {
                clearEarlierRun(store, buckets, sample.key());
                store.upload(buckets.input(), sample.key(), sample.image(), sample.prompt());
            }
            LOG.info(
                    "Uploaded {} sample images from {} to s3://{}/{}",
                    samples.size(),
                    samplesDir,
                    buckets.input(),
                    prefix);

            List<String> keys = samples.stream().map(DemoSamples.Sample::key).toList();
            DemoTally tally = awaitSettled(
                    () -> DemoTally.of(store.keys(buckets.input(), prefix), archiveKeys(store, buckets, prefix), keys),
                    () -> context.getInflightRepository().size(),
                    timeout);

            for (String key : tally.done()) {
                String videoKey = OutputKeys.videoKeyFor(key);
                store.download(buckets.output(), videoKey, outputDir.resolve(videoKey));
            }
            Map<String, String> reasons = new LinkedHashMap<>();
            for (String key : tally.failed()) {
                reasons.put(key, failureReason(store, buckets, key));
            }
            Path gallery = GalleryFile.write(outputDir, TITLE, cards(samples, tally, reasons));
            List<String> summary = new ArrayList<>(tally.summary(buckets, reasons, outputDir));
            summary.add("Gallery: " + gallery);
            return new Outcome(summary, tally.succeeded(), gallery);
        }
    }

    /** One card per sample image, in upload order; its video sits under its key in the page's folder. */
    private List<GalleryCard> cards(List<DemoSamples.Sample> samples, DemoTally tally, Map<String, String> reasons) {
        List<GalleryCard> cards = new ArrayList<>();
        for (DemoSamples.Sample sample : samples) {
            String key = sample.key();
            Optional<VideoGenerationRequest> sent = sentRequests.of(key);
            if (tally.done().contains(key)) {
                // none sent: the video was downloaded from the paid/ record of an earlier run's request
                VideoGenerationRequest request = sent.orElseGet(() ->
                        VideoGenerationRequest.builder().prompt(sample.prompt()).build());
                cards.add(GalleryCard.video(key, request, Gallery.href(OutputKeys.videoKeyFor(key))));
            } else if (tally.failed().contains(key)) {
                cards.add(GalleryCard.failed(key, sent.orElse(null), reasons.get(key)));
            } else {
                cards.add(GalleryCard.failed(key, sent.orElse(null), "unfinished when the demo stopped waiting"));
            }
        }
        return cards;
    }

    /**
     * Polls until every image has left the input bucket and no exchange is in flight, or until the timeout; a
     * {@code done/} copy alone is not enough, since the copy is made before the original is deleted.
     */
    static DemoTally awaitSettled(Supplier<DemoTally> poll, IntSupplier inflight, Duration timeout)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int reported = -1;
        long reportedAt = started;
        while (true) {
            DemoTally tally = poll.get();
            int inFlight = inflight.getAsInt();
            if (tally.allSettled() && inFlight == 0) {
                return tally;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                LOG.warn(
                        "Gave up waiting after {} s: {} of {} images unfinished",
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

    // with a real, lasting bucket an earlier run leaves its results; they would make this run look finished
    private static void clearEarlierRun(DemoStore store, BucketNames buckets, String key) {
        store.delete(buckets.archive(), DemoTally.DONE_PREFIX + key);
        store.delete(buckets.archive(), DemoTally.ERROR_PREFIX + key);
        store.delete(buckets.archive(), errorSidecar(key));
        store.delete(buckets.output(), OutputKeys.videoKeyFor(key));
    }

    private static Set<String> archiveKeys(DemoStore store, BucketNames buckets, String prefix) {
        Set<String> keys = new HashSet<>(store.keys(buckets.archive(), DemoTally.DONE_PREFIX + prefix));
        keys.addAll(store.keys(buckets.archive(), DemoTally.ERROR_PREFIX + prefix));
        return keys;
    }

    // the first line: the lines after it name the kept video's URL, which stays in the archive bucket
    private static String failureReason(DemoStore store, BucketNames buckets, String key) {
        try {
            return store.readText(buckets.archive(), errorSidecar(key))
                    .strip()
                    .lines()
                    .findFirst()
                    .orElse("see the log");
        } catch (Exception e) {
            // the route could not write it (S3 failing too): the log has the reason
            return "see the log";
        }
    }

    private static String errorSidecar(String key) {
        return DemoTally.ERROR_PREFIX + key + ".error.txt";
    }

    private static Path folder(CamelContext context, String placeholder) {
        return Path.of(context.resolvePropertyPlaceholders(placeholder))
                .toAbsolutePath()
                .normalize();
    }
}
