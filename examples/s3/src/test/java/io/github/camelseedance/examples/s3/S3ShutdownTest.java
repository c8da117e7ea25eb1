package io.github.camelseedance.examples.s3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel stopped while an image's generation is in flight, or while its video downloads: once the graceful shutdown
 * timeout has run out the producer fails the generation (or the download) with SeedanceStoppedException, and the image
 * stays in the input bucket under its key (not in done/ or error/, no video) and becomes a video on the next run.
 */
class S3ShutdownTest {

    private static final String INPUT = "test-input";
    private static final String OUTPUT = "test-output";
    private static final String KEY = "coast/lighthouse.png";
    private static final String PROMPT = "The lighthouse beam sweeps across a calm sea as night falls";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private EmbeddedS3 s3;
    private EmulatorFallback target;
    private Main first;
    private Main next;
    private TestBuckets buckets;

    @AfterEach
    void stopApplication() {
        if (buckets != null) {
            buckets.close();
        }
        if (next != null) {
            next.stop();
        }
        if (first != null) {
            first.stop();
        }
        if (target != null) {
            target.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void anImageCutShortByShutdownStaysUnderItsKeyAndIsDoneOnTheNextRun() throws Exception {
        s3 = EmbeddedS3.start();
        // an environment without SEEDANCE_API_KEY, whatever the machine running the test has
        target = EmulatorFallback.choose(Map.of());
        SeedanceEmulator emulator = target.emulator().orElseThrow();
        // a generation that cannot finish before the shutdown timeout
        emulator.setLatency(Duration.ofMinutes(10));
        first = start(Map.of("camel.main.shutdown-timeout", "1"));
        buckets = new TestBuckets(s3);
        byte[] image = Files.readAllBytes(Path.of("samples/lighthouse.png"));
        buckets.put(INPUT, KEY, image, Map.of("prompt", PROMPT));

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> emulator.generationCount() == 1);

        // graceful shutdown waits 1 s for the generation, then the producer stops and fails it
        first.stop();

        assertThat(buckets.keys(INPUT)).as("nothing under done/ or error/").containsExactly(KEY);
        assertThat(buckets.bytes(INPUT, KEY)).isEqualTo(image);
        assertThat(buckets.metadata(INPUT, KEY)).containsEntry("prompt", PROMPT);
        assertThat(buckets.keys(OUTPUT)).as("videos").isEmpty();

        // the next run, with a provider that answers at once, picks the image up again
        emulator.setLatency(Duration.ZERO);
        next = start(Map.of());
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(buckets.keys(INPUT)).containsExactly("done/" + KEY);
            assertThat(next.getCamelContext().getInflightRepository().size()).isZero();
        });
        assertThat(buckets.keys(OUTPUT)).containsExactly("coast/lighthouse.mp4");
        assertThat(emulator.violations()).isEmpty();
        assertThat(emulator.generationCount())
                .as("the generation cut short and the one that made the video")
                .isEqualTo(2);
    }

    @Test
    void anImageWhoseVideoWasDownloadingWhenStoppedStaysUnderItsKeyWithNoVideo() throws Exception {
        s3 = EmbeddedS3.start();
        target = EmulatorFallback.choose(Map.of());
        SeedanceEmulator emulator = target.emulator().orElseThrow();
        // the video host sends half the video, then nothing: the upload waits for bytes that never come
        emulator.stallNextDownloads(1);
        first = start(Map.of("camel.main.shutdown-timeout", "1"));
        buckets = new TestBuckets(s3);
        byte[] image = Files.readAllBytes(Path.of("samples/lighthouse.png"));
        buckets.put(INPUT, KEY, image, Map.of("prompt", PROMPT));

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> emulator.downloadsInFlight() == 1);

        first.stop();

        // the stop failed the download, which the upload was reading, and closed its connection; requestTimeout is
        // 10 minutes, so only the stop can have ended the read
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> emulator.downloadsInFlight() == 0);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> threadsReadingAVideo() == 0);
        assertThat(buckets.keys(INPUT)).as("nothing under done/ or error/").containsExactly(KEY);
        assertThat(buckets.bytes(INPUT, KEY)).isEqualTo(image);
        assertThat(buckets.keys(OUTPUT)).as("videos").isEmpty();

        next = start(Map.of());
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(buckets.keys(INPUT)).containsExactly("done/" + KEY);
            assertThat(next.getCamelContext().getInflightRepository().size()).isZero();
        });
        assertThat(buckets.keys(OUTPUT)).containsExactly("coast/lighthouse.mp4");
        assertThat(emulator.generationCount())
                .as("the generation whose download was cut short and the one that made the video")
                .isEqualTo(2);
    }

    /** Threads inside the component's video stream, such as an upload waiting for the video's next bytes. */
    private static long threadsReadingAVideo() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().startsWith("io.github.camelseedance.client.video.")))
                .count();
    }

    private Main start(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(target.overrideProperties());
        properties.putAll(s3.overrideProperties());
        properties.put("s3.input-bucket", INPUT);
        properties.put("s3.output-bucket", OUTPUT);
        properties.put("s3.poll-delay", "100");
        properties.putAll(overrides);
        Main main = S3Application.createMain(properties);
        main.start();
        return main;
    }
}
