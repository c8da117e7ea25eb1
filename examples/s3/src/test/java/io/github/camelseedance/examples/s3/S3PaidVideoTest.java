package io.github.camelseedance.examples.s3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.RecordedDownload;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.Mp4Files;
import org.apache.camel.LoggingLevel;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A video the provider made, and billed, whose download never completed: its URL is kept under the request's
 * fingerprint, the same image uploaded again is downloaded from it with no new generation, and an edited request or
 * an expired URL is generated anew.
 */
class S3PaidVideoTest {

    private static final String INPUT = "test-input";
    private static final String OUTPUT = "test-output";
    private static final String KEY = "coast/lighthouse.png";
    private static final String VIDEO_KEY = "coast/lighthouse.mp4";
    private static final String PROMPT = "The lighthouse beam sweeps across a calm sea as night falls";
    private static final int DOWNLOAD_ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private EmbeddedS3 s3;
    private EmulatorFallback target;
    private SeedanceEmulator emulator;
    private Main main;
    private TestBuckets buckets;
    private byte[] image;
    private final List<String> errorLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApplication() throws Exception {
        s3 = EmbeddedS3.start();
        // an environment without SEEDANCE_API_KEY, whatever the machine running the test has
        target = EmulatorFallback.choose(Map.of());
        emulator = target.emulator().orElseThrow();
        Map<String, String> properties = new HashMap<>(target.overrideProperties());
        properties.putAll(s3.overrideProperties());
        properties.put("s3.input-bucket", INPUT);
        properties.put("s3.output-bucket", OUTPUT);
        properties.put("s3.poll-delay", "100");
        properties.put("camel.component.seedance.download-attempts", String.valueOf(DOWNLOAD_ATTEMPTS));
        properties.put("camel.component.seedance.retry-delay", "10");
        main = S3Application.createMain(properties);
        main.start();
        main.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            if (logger.getLevel() == LoggingLevel.ERROR) {
                errorLines.add(message);
            }
            return message;
        });
        buckets = new TestBuckets(s3);
        image = Files.readAllBytes(Path.of("samples/lighthouse.png"));
    }

    @AfterEach
    void stopApplication() {
        if (buckets != null) {
            buckets.close();
        }
        if (main != null) {
            main.stop();
        }
        if (target != null) {
            target.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void theSameImageAgainIsDownloadedFromTheRecordedUrlWithNoNewGeneration() throws Exception {
        PaidRecord paid = failWithAPaidVideo();
        int downloadsBefore = emulator.downloads().size();

        buckets.put(INPUT, KEY, image, Map.of("prompt", PROMPT));
        awaitHandled("done/" + KEY);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(emulator.downloads()
                        .subList(downloadsBefore, emulator.downloads().size()))
                .as("GETs of the recorded URL")
                .extracting(RecordedDownload::path, RecordedDownload::status)
                .containsExactly(tuple(paid.videoPath(), 200));
        assertPlayableVideo();
        assertThat(buckets.keys(INPUT)).as("the record, cleared").doesNotContain(paid.key());
        assertThat(errorLines).as("only the first failure").hasSize(1);
    }

    @Test
    void anEditedPromptAfterAPaidFailureIsGeneratedAnew() throws Exception {
        PaidRecord paid = failWithAPaidVideo();
        int downloadsBefore = emulator.downloads().size();

        buckets.put(INPUT, KEY, image, Map.of("prompt", PROMPT + ", seen from a boat"));
        awaitHandled("done/" + KEY);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(2);
        assertThat(emulator.generationRequests().get(1).json().get("prompt").asText())
                .endsWith("seen from a boat");
        assertThat(emulator.downloads()
                        .subList(downloadsBefore, emulator.downloads().size()))
                .as("GETs of the new video only")
                .extracting(RecordedDownload::path)
                .doesNotContain(paid.videoPath());
        assertPlayableVideo();
        // the record belongs to the first request, which may still come again
        assertThat(buckets.text(INPUT, paid.key())).isEqualTo(paid.videoUrl());
    }

    @Test
    void anotherImageUnderTheSameKeyAfterAPaidFailureIsGeneratedAnew() throws Exception {
        PaidRecord paid = failWithAPaidVideo();

        byte[] sunset = Files.readAllBytes(Path.of("samples/sunset.png"));
        buckets.put(INPUT, KEY, sunset, Map.of("prompt", PROMPT));
        awaitHandled("done/" + KEY);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(2);
        assertThat(buckets.bytes(INPUT, "done/" + KEY)).isEqualTo(sunset);
        assertPlayableVideo();
        assertThat(buckets.text(INPUT, paid.key())).isEqualTo(paid.videoUrl());
    }

    @Test
    void aRecordedUrlTheHostNoLongerServesIsDroppedAndTheVideoGeneratedAnew() throws Exception {
        PaidRecord paid = failWithAPaidVideo();
        String expired = emulator.baseUrl() + "/videos/unknown.mp4";
        buckets.put(INPUT, paid.key(), expired.getBytes(StandardCharsets.UTF_8), Map.of());
        int downloadsBefore = emulator.downloads().size();

        buckets.put(INPUT, KEY, image, Map.of("prompt", PROMPT));
        awaitHandled("done/" + KEY);

        List<RecordedDownload> downloads = emulator.downloads()
                .subList(downloadsBefore, emulator.downloads().size());
        assertThat(downloads.get(0).path()).isEqualTo("/videos/unknown.mp4");
        assertThat(downloads.get(0).status()).isEqualTo(404);
        assertThat(downloads.subList(1, downloads.size()))
                .as("a 4xx is not retried: the GETs that follow are the new video's")
                .isNotEmpty()
                .allSatisfy(download -> {
                    assertThat(download.path()).isNotEqualTo("/videos/unknown.mp4");
                    assertThat(download.status()).isEqualTo(200);
                });
        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(2);
        assertPlayableVideo();
        assertThat(buckets.keys(INPUT)).as("the record, dropped").doesNotContain(paid.key());
        assertThat(errorLines).as("only the first failure").hasSize(1);
    }

    /** Where the failed download left its video: the record in the archive bucket and the lines of the error object. */
    private record PaidRecord(String key, String videoUrl, String videoPath) {}

    /** The image, generated once, whose download breaks on every attempt: the image goes to error/ with the record. */
    private PaidRecord failWithAPaidVideo() {
        emulator.breakNextDownloads(DOWNLOAD_ATTEMPTS);
        buckets.put(INPUT, KEY, image, Map.of("prompt", PROMPT));
        awaitHandled("error/" + KEY);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(emulator.downloads()).as("GETs, each broken").hasSize(DOWNLOAD_ATTEMPTS);
        assertThat(buckets.keys(OUTPUT)).as("videos").isEmpty();
        List<String> lines =
                buckets.text(INPUT, "error/" + KEY + ".error.txt").lines().toList();
        assertThat(lines).hasSize(3);
        String videoPath = emulator.downloads().get(0).path();
        assertThat(lines.get(1)).isEqualTo("videoUrl: " + emulator.baseUrl() + videoPath);
        assertThat(lines.get(2)).matches("request: [0-9a-f]{64}");
        String fingerprint = lines.get(2).substring("request: ".length());
        String key = "paid/" + fingerprint + ".url";
        assertThat(lines.get(0))
                .as("the download's failure, not the upload's (which cannot read the stream again)")
                .startsWith("The connection to the video host ")
                .contains("The video was made and paid for")
                .contains("it will be downloaded from " + key + ", not generated again");
        String videoUrl = lines.get(1).substring("videoUrl: ".length());
        assertThat(buckets.text(INPUT, key)).isEqualTo(videoUrl);
        assertThat(errorLines)
                .singleElement()
                .asString()
                .startsWith(KEY + " failed, moved to error/: ")
                .contains(key);
        return new PaidRecord(key, videoUrl, videoPath);
    }

    private void awaitHandled(String movedTo) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(buckets.keys(INPUT)).contains(movedTo).doesNotContain(KEY);
            assertThat(main.getCamelContext().getInflightRepository().size()).isZero();
        });
    }

    private void assertPlayableVideo() throws Exception {
        assertThat(buckets.keys(OUTPUT)).as("videos").containsExactly(VIDEO_KEY);
        Path video = dir.resolve("video.mp4");
        Files.deleteIfExists(video);
        buckets.download(OUTPUT, VIDEO_KEY, video);
        Mp4Files.assertPlayable(video);
        // the whole video: as long as the one the emulator served at the last GET that succeeded
        RecordedDownload served = emulator.downloads().stream()
                .filter(download -> download.method().equals("GET") && download.status() == 200)
                .reduce((earlier, later) -> later)
                .orElseThrow();
        assertThat(Files.size(video)).isEqualTo(emulator.videoSize(emulator.baseUrl() + served.path()));
    }
}
